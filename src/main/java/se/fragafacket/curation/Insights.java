package se.fragafacket.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.fragafacket.answer.FeedbackGiven;
import se.fragafacket.answer.QuestionAnswered;
import se.fragafacket.config.FragaProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What members asked that the documents could not answer, and answers they marked unhelpful (with their
 * comment): the staff's list of what to add or fix. Personal data is masked before anything is kept, in
 * memory or in {@code fraga.data-dir}/insights.jsonl.
 */
@Component
@ConditionalOnProperty(name = "fraga.store", havingValue = "file", matchIfMissing = true)
public class Insights {

    /** Questions asked by the regression runs are staff's own, not members'. */
    private static final String EVALUATION_CHANNEL = "eval";
    /** Answers remembered to join feedback with; feedback comes soon after the answer. */
    private static final int ANSWERS_REMEMBERED = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(Insights.class);

    /**
     * One kept question.
     *
     * @param kind     {@code unanswered} or {@code unhelpful}
     * @param question masked
     * @param answer   masked answer the member got (for unhelpful ones)
     * @param comment  the member's masked comment (for unhelpful ones)
     */
    record Entry(Instant at, String kind, String channel, String messageId, String question, String answer,
                 List<String> documentIds, String comment) {
    }

    /** A member's comment on an unhelpful answer. */
    public record Comment(Instant at, String text) {
    }

    /**
     * The same question (compared without case, punctuation and spacing) asked or marked one or more times.
     *
     * @param question   its latest wording; null when unknown
     * @param unanswered how often it got no answer
     * @param unhelpful  how often its answer was marked unhelpful
     * @param answer     the latest answer marked unhelpful, if any
     */
    public record Group(String question, int count, int unanswered, int unhelpful, Instant firstAt, Instant lastAt,
                        List<String> channels, String answer, List<String> documentIds, List<Comment> comments) {
    }

    /** An answer given, remembered to join feedback with; {@code marked} once it was marked unhelpful. */
    private record Asked(String channel, String question, String answer, List<String> documentIds, boolean marked) {
        Asked markedOnce() {
            return new Asked(channel, question, answer, documentIds, true);
        }
    }

    private final Path file;
    private final int kept;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Asked> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Asked> eldest) {
            return size() > ANSWERS_REMEMBERED;
        }
    };
    private int linesInFile;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "insights-writer");
        thread.setDaemon(true);
        return thread;
    });

    Insights(FragaProperties fraga, CurationProperties properties) {
        this.file = fraga.dataDir().toAbsolutePath().normalize().resolve("insights.jsonl");
        this.kept = properties.insightsKept();
        load();
    }

    /**
     * Kept off the member's request path: the event is only queued here, masked and written by one writer
     * thread in order. A full disk or an I/O error is logged there and never fails an answer.
     */
    @EventListener
    void answered(QuestionAnswered event) {
        if (EVALUATION_CHANNEL.equals(event.channel())) {
            return;
        }
        offPath("an unanswered question", () -> record(event));
    }

    @EventListener
    void feedback(FeedbackGiven event) {
        if (event.helpful()) {
            return;
        }
        offPath("an unhelpful mark", () -> record(event));
    }

    private void offPath(String what, Runnable write) {
        try {
            writer.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    log.error("Insights could not keep {} (the member got the answer): {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Insights are closed; {} not kept", what);
        }
    }

    /** Runs on the writer thread after everything queued before it, and waits for it. */
    private <T> T inOrder(Callable<T> work) {
        try {
            return writer.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the insights", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void record(QuestionAnswered event) {
        String question = PersonalData.mask(event.question());
        var asked = new Asked(event.channel(), question, PersonalData.maskAnswer(event.answer(), event.question()),
                List.copyOf(event.documentIds()), false);
        synchronized (this) {
            answers.put(event.messageId(), asked);
            if (!event.answered() && !event.smallTalk()) {
                add(new Entry(event.at(), "unanswered", event.channel(), event.messageId(), asked.question(),
                        asked.answer(), List.of(), ""));
            }
        }
    }

    private void record(FeedbackGiven event) {
        String comment = PersonalData.mask(event.comment() == null ? "" : event.comment().strip());
        synchronized (this) {
            Asked asked = answers.get(event.messageId());
            // the feedback endpoint is open: only a mark on an answer this service gave counts, and once, so
            // nobody can push members' real questions out of the list with made-up marks
            if (asked == null || asked.marked()) {
                return;
            }
            answers.put(event.messageId(), asked.markedOnce());
            add(new Entry(event.at(), "unhelpful", asked.channel(), event.messageId(), asked.question(),
                    asked.answer(), asked.documentIds(), comment));
        }
    }

    /** The kept questions grouped by question, the most recently asked or marked first. */
    public List<Group> groups() {
        return inOrder(this::grouped);
    }

    /**
     * Deletes the entries kept from before {@code cutoff}, in memory and in the file; how many went.
     * Called by {@link Retention}.
     */
    int deleteOlderThan(Instant cutoff) {
        return inOrder(() -> remove(entry -> entry.at().isBefore(cutoff)));
    }

    /** Deletes every entry of a question as grouped (the same words, case and punctuation aside); how many went. */
    int delete(String question) {
        String key = normalise(question == null ? "" : question);
        return inOrder(() -> remove(entry -> entry.question() != null && normalise(entry.question()).equals(key)));
    }

    private synchronized int remove(java.util.function.Predicate<Entry> doomed) throws IOException {
        int before = entries.size();
        entries.removeIf(doomed);
        int removed = before - entries.size();
        if (removed > 0 || linesInFile > entries.size()) {
            Files.createDirectories(file.getParent());
            rewrite();
        }
        return removed;
    }

    private synchronized List<Group> grouped() {
        return groups(entries);
    }

    /** The entries (oldest first) grouped by question, the most recently asked or marked first. */
    static List<Group> groups(Iterable<Entry> entries) {
        Map<String, List<Entry>> byQuestion = new LinkedHashMap<>();
        for (Entry entry : entries) {
            String key = entry.question() == null ? "message:" + entry.messageId() : normalise(entry.question());
            byQuestion.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Entry> same : byQuestion.values()) {
            same.sort(Comparator.comparing(Entry::at));
            Entry first = same.get(0);
            Entry last = same.get(same.size() - 1);
            var channels = new LinkedHashSet<String>();
            List<Comment> comments = new ArrayList<>();
            Entry lastUnhelpful = null;
            int unanswered = 0;
            for (Entry entry : same) {
                if (entry.channel() != null) {
                    channels.add(entry.channel());
                }
                if ("unanswered".equals(entry.kind())) {
                    unanswered++;
                } else {
                    lastUnhelpful = entry;
                    if (!entry.comment().isEmpty()) {
                        comments.add(new Comment(entry.at(), entry.comment()));
                    }
                }
            }
            comments.sort(Comparator.comparing(Comment::at).reversed());
            groups.add(new Group(last.question(), same.size(), unanswered, same.size() - unanswered, first.at(),
                    last.at(), List.copyOf(channels), lastUnhelpful == null ? null : lastUnhelpful.answer(),
                    lastUnhelpful == null ? List.of() : lastUnhelpful.documentIds(), comments));
        }
        groups.sort(Comparator.comparing(Group::lastAt).reversed());
        return groups;
    }

    /** The questions most often left unanswered, the most frequent first (then the latest). */
    public List<Group> frequentUnanswered(int limit) {
        return groups().stream().filter(g -> g.unanswered() > 0 && g.question() != null)
                .sorted(Comparator.comparingInt(Group::unanswered).reversed()
                        .thenComparing(Comparator.comparing(Group::lastAt).reversed()))
                .limit(limit).toList();
    }

    /** The grouped list as CSV (RFC 4180, a header line), for a spreadsheet. */
    public String csv() {
        StringBuilder out = new StringBuilder(
                "question,count,unanswered,unhelpful,first_at,last_at,channels,document_ids,answer,comments\r\n");
        for (Group group : groups()) {
            out.append(String.join(",", cell(group.question()), String.valueOf(group.count()),
                    String.valueOf(group.unanswered()), String.valueOf(group.unhelpful()), cell(group.firstAt()),
                    cell(group.lastAt()), cell(String.join(" ", group.channels())),
                    cell(String.join(" ", group.documentIds())), cell(group.answer()),
                    cell(String.join(" | ", group.comments().stream().map(Comment::text).toList())))).append("\r\n");
        }
        return out.toString();
    }

    /** A CSV field; one a spreadsheet would read as a formula is made text. */
    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** Lower case, no punctuation, single spaces: "Vad kostar en pizza?" and "vad kostar  en pizza" are one. */
    static String normalise(String question) {
        return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\[\\]]+", " ").strip();
    }

    private void add(Entry entry) {
        entries.addLast(entry);
        while (entries.size() > kept) {
            entries.removeFirst();
        }
        try {
            Files.createDirectories(file.getParent());
            if (linesInFile >= 2 * kept) {
                rewrite();
            } else {
                Files.writeString(file, JSON.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                linesInFile++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Writes only the kept entries, under a temporary name moved into place, so the file stops growing. */
    private void rewrite() throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), ".insights-", ".part");
        try {
            StringBuilder out = new StringBuilder();
            for (Entry kept : entries) {
                out.append(JSON.writeValueAsString(kept)).append('\n');
            }
            Files.writeString(temporary, out, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            linesInFile = entries.size();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                linesInFile++;
                try {
                    entries.addLast(JSON.readValue(line, Entry.class));
                } catch (JacksonException e) {
                    log.warn("Skipping an unreadable line of {}", file);
                    continue;
                }
                if (entries.size() > kept) {
                    entries.removeFirst();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
