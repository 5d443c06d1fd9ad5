package se.fragafacket.curation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.fragafacket.answer.QuestionAnswered;
import se.fragafacket.config.FragaProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many questions members asked and how many were answered, per day and channel: counts only, no
 * words of any question. Kept in {@code fraga.data-dir}/question-totals.json for {@link #DAYS_KEPT} days.
 */
@Component
public class QuestionTotals {

    /** Questions asked by the regression runs are staff's own, not members'. */
    private static final String EVALUATION_CHANNEL = "eval";
    static final int DAYS_KEPT = 400;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(QuestionTotals.class);

    /** One day's count in one channel. */
    public record Count(int questions, int answered) {
        Count plus(boolean wasAnswered) {
            return new Count(questions + 1, answered + (wasAnswered ? 1 : 0));
        }

        Count plus(Count other) {
            return new Count(questions + other.questions, answered + other.answered);
        }
    }

    public record Day(LocalDate day, int questions, int answered) {
    }

    public record Channel(String channel, int questions, int answered) {
    }

    /**
     * @param answeredShare answered / questions, 0 when there were none
     * @param days          each day with questions, oldest first
     */
    public record Totals(int questions, int answered, double answeredShare, List<Day> days, List<Channel> channels) {
    }

    private final Path file;
    private final ZoneId zone;
    /** day → channel → count */
    private final TreeMap<LocalDate, TreeMap<String, Count>> counts = new TreeMap<>();

    QuestionTotals(FragaProperties fraga, Clock clock) {
        this.file = fraga.dataDir().toAbsolutePath().normalize().resolve("question-totals.json");
        this.zone = clock.getZone();
        load();
    }

    @EventListener
    void answered(QuestionAnswered event) {
        if (EVALUATION_CHANNEL.equals(event.channel())) {
            return;
        }
        LocalDate day = event.at().atZone(zone).toLocalDate();
        String channel = event.channel() == null ? "?" : event.channel();
        synchronized (this) {
            counts.computeIfAbsent(day, d -> new TreeMap<>()).merge(channel, new Count(1, event.answered() ? 1 : 0),
                    Count::plus);
            while (counts.size() > DAYS_KEPT) {
                counts.pollFirstEntry();
            }
            save();
        }
    }

    public synchronized Totals totals() {
        List<Day> days = new ArrayList<>();
        Map<String, Count> byChannel = new TreeMap<>();
        int questions = 0;
        int answered = 0;
        for (var day : counts.entrySet()) {
            Count sum = new Count(0, 0);
            for (var channel : day.getValue().entrySet()) {
                sum = sum.plus(channel.getValue());
                byChannel.merge(channel.getKey(), channel.getValue(), Count::plus);
            }
            days.add(new Day(day.getKey(), sum.questions(), sum.answered()));
            questions += sum.questions();
            answered += sum.answered();
        }
        List<Channel> channels = byChannel.entrySet().stream()
                .map(e -> new Channel(e.getKey(), e.getValue().questions(), e.getValue().answered())).toList();
        return new Totals(questions, answered, questions == 0 ? 0 : (double) answered / questions, days, channels);
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".question-totals-", ".part");
            try {
                Files.writeString(temporary, JSON.writeValueAsString(counts), StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // a count not kept is no reason to fail a member's answer
            log.warn("Cannot write {}: {}", file, e.toString());
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Map<LocalDate, Map<String, Count>> read = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeReference<Map<LocalDate, Map<String, Count>>>() {
                    });
            read.forEach((day, channels) -> counts.put(day, new TreeMap<>(channels)));
        } catch (IOException | JacksonException e) {
            log.warn("Cannot read {} ({}); question totals start from zero", file, e.toString());
        }
    }
}
