package se.fragafacket.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import se.fragafacket.config.FragaProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Who did what to which file, and when: one JSON line per staff action in {@code fraga.data-dir}/audit.jsonl. */
@Component
class AuditLog {

    /**
     * One staff action.
     *
     * @param action  upload, replace, delete, restore, describe (a document's metadata), regression-save, regression-run
     * @param outcome {@code ok}, or {@code refused} when nothing was changed
     * @param detail  the reason a change was refused, or what was kept
     */
    record Entry(Instant at, String user, String action, String fileName, String documentId, String outcome,
                 String detail) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Clock clock;
    private final CurationProperties properties;

    AuditLog(FragaProperties fraga, Clock clock, CurationProperties properties) {
        this.file = fraga.dataDir().toAbsolutePath().normalize().resolve("audit.jsonl");
        this.clock = clock;
        this.properties = properties;
    }

    synchronized Entry record(String user, String action, String fileName, String documentId, String outcome,
                              String detail) {
        var entry = new Entry(clock.instant(), user, action, fileName, documentId, outcome, detail);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log " + file, e);
        }
        return entry;
    }

    /**
     * Deletes the entries from before {@code cutoff} (the file is rewritten under a temporary name and moved into
     * place); how many went. Called by {@link Retention}.
     */
    synchronized int deleteOlderThan(Instant cutoff) {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            StringBuilder kept = new StringBuilder();
            int removed = 0;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                Entry entry;
                try {
                    entry = JSON.readValue(line, Entry.class);
                } catch (JacksonException e) {
                    removed++; // a line cut short by a crash
                    continue;
                }
                if (entry.at() == null || entry.at().isBefore(cutoff)) {
                    removed++;
                } else {
                    kept.append(line).append('\n');
                }
            }
            if (removed > 0) {
                Path temporary = Files.createTempFile(file.getParent(), ".audit-", ".part");
                try {
                    Files.writeString(temporary, kept, StandardCharsets.UTF_8);
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prune the audit log " + file, e);
        }
    }

    /** The latest entries, newest first. */
    synchronized List<Entry> recent() {
        if (!Files.exists(file)) {
            return List.of();
        }
        Deque<Entry> latest = new ArrayDeque<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                try {
                    latest.addFirst(JSON.readValue(line, Entry.class));
                } catch (JacksonException e) {
                    return; // a line cut short by a crash
                }
                if (latest.size() > properties.auditShown()) {
                    latest.removeLast();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit log " + file, e);
        }
        return new ArrayList<>(latest);
    }
}
