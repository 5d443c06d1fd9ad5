package se.fragafacket.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.ingest.DocumentStore;
import se.fragafacket.ingest.KeptVersion;
import se.fragafacket.ingest.KnowledgeBase;
import se.fragafacket.ingest.MetadataOverrides;
import se.fragafacket.search.DocumentMetadata;
import se.fragafacket.ingest.UnreadableDocumentException;
import se.fragafacket.search.DocumentRecord;
import se.fragafacket.search.KnowledgeIndex;

/**
 * The shared mode's documents: PostgreSQL holds each document's current bytes and its kept versions (the
 * source of truth); every instance keeps its own Lucene index, over its own working copy of the documents
 * ({@code fraga.knowledge-dir}, set to {@code <fraga.data-dir>/knowledge}), in step with it. A staff change is
 * read and indexed here first (so a file that cannot be read changes nothing), then written to the store in
 * one transaction that announces it with {@code NOTIFY fraga_documents}; the other instances, listening,
 * apply it at once, and compare their index with the store every {@code fraga.shared.check-interval} as well
 * in case a notification was missed (a lost connection). On start the working copy is made equal to the store
 * before {@link KnowledgeBase} indexes it; an empty store is first filled from {@code fraga.shared.seed-dir}.
 */
@Component
@Primary
@ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.POSTGRES)
public class SharedDocuments implements DocumentStore, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SharedDocuments.class);
    static final String CHANNEL = "fraga_documents";
    /** pg_advisory_xact_lock key that serialises document changes across instances. */
    private static final long DOCUMENTS_LOCK = 0x6672_6167_6100_0001L;
    private static final DateTimeFormatter VERSION_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    /** Looked up when used, so that starting this bean does not start the knowledge base first. */
    private final ObjectProvider<KnowledgeBase> knowledgeBases;
    private final KnowledgeIndex index;
    private final MetadataOverrides overrides;
    private final SharedProperties properties;
    private final Clock clock;
    private final Path workingCopy;
    /** One change at a time on this instance: a staff change and applying the store's state never interleave. */
    private final ReentrantLock changes = new ReentrantLock();
    /** Documents in the store this instance cannot read, by content hash, so they are not tried again and again. */
    private final Map<String, String> unreadable = new HashMap<>();
    private final AtomicLong checks = new AtomicLong();
    private volatile boolean running;
    private volatile Thread listener;
    /** The listener's own connection, closed on stop so its wait ends at once. */

    SharedDocuments(JdbcTemplate jdbc, TransactionTemplate transactions, DataSource dataSource,
                    ObjectProvider<KnowledgeBase> knowledgeBases, KnowledgeIndex index, MetadataOverrides overrides,
                    FragaProperties fraga, SharedProperties properties, Clock clock) {
        this.overrides = overrides;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.knowledgeBases = knowledgeBases;
        this.index = index;
        this.properties = properties;
        this.clock = clock;
        this.workingCopy = fraga.knowledgeDir().toAbsolutePath().normalize();
    }

    /** Reads and indexes the file here, then makes it the store's current version, keeping the one it replaces. */
    @Override
    public DocumentRecord put(String fileName, byte[] content) throws UnreadableDocumentException, IOException {
        changes.lock();
        try {
            return change(() -> {
                jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, DOCUMENTS_LOCK);
                DocumentRecord record = knowledgeBase().put(fileName, content);
                knowledgeBase().pruneVersions(record.documentId(), 0);
                Instant now = clock.instant();
                keepCurrent(record.documentId(), KeptVersion.REPLACED, record.contentHash(), fileName, now);
                jdbc.update("""
                        INSERT INTO document (document_id, file_name, content, content_hash, modified_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (document_id) DO UPDATE SET file_name = EXCLUDED.file_name,
                            content = EXCLUDED.content, content_hash = EXCLUDED.content_hash, modified_at = EXCLUDED.modified_at
                        """, record.documentId(), fileName, content, record.contentHash(), Timestamp.from(now));
                notifyChange(record.documentId());
                return record;
            });
        } finally {
            changes.unlock();
        }
    }

    @Override
    public boolean remove(String documentId) throws IOException {
        changes.lock();
        try {
            return changeOnly(() -> {
                jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, DOCUMENTS_LOCK);
                boolean kept = keepCurrent(documentId, KeptVersion.DELETED, null, null, clock.instant());
                if (!kept) {
                    return false;
                }
                jdbc.update("DELETE FROM document WHERE document_id = ?", documentId);
                knowledgeBase().remove(documentId);
                knowledgeBase().pruneVersions(documentId, 0);
                notifyChange(documentId);
                return true;
            });
        } finally {
            changes.unlock();
        }
    }

    @Override
    public List<KeptVersion> versions(String documentId) {
        return jdbc.query("""
                SELECT version_id, document_id, file_name, reason, kept_at, size, content_hash FROM document_version
                WHERE document_id = ? ORDER BY version_id DESC""", (rs, n) -> version(rs), documentId);
    }

    @Override
    public List<KeptVersion> versions() {
        return jdbc.query("""
                SELECT version_id, document_id, file_name, reason, kept_at, size, content_hash FROM document_version
                ORDER BY kept_at DESC, version_id DESC""", (rs, n) -> version(rs));
    }

    @Override
    public Optional<DocumentRecord> restore(String documentId, String versionId) throws UnreadableDocumentException, IOException {
        var kept = jdbc.query("SELECT file_name, content FROM document_version WHERE document_id = ? AND version_id = ?",
                (rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2)), documentId, versionId);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(put(kept.get(0).getKey(), kept.get(0).getValue()));
    }

    @Override
    public int pruneVersions(String documentId, int keep) {
        return jdbc.update("""
                DELETE FROM document_version WHERE document_id = ? AND version_id NOT IN (
                    SELECT version_id FROM document_version WHERE document_id = ? ORDER BY version_id DESC LIMIT ?)""",
                documentId, documentId, keep);
    }

    /** Stores staff's metadata of a document and indexes it here with them; the other instances follow at the notification. */
    @Override
    public Optional<DocumentRecord> describe(String documentId, DocumentMetadata override)
            throws UnreadableDocumentException, IOException {
        changes.lock();
        try {
            return change(() -> {
                jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, DOCUMENTS_LOCK);
                Boolean stored = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM document WHERE document_id = ?)",
                        Boolean.class, documentId);
                if (!Boolean.TRUE.equals(stored)) {
                    return Optional.<DocumentRecord>empty();
                }
                Optional<DocumentRecord> record = knowledgeBase().describe(documentId, override); // writes the row, in this transaction
                notifyChange(documentId);
                return record;
            });
        } finally {
            changes.unlock();
        }
    }

    private KnowledgeBase knowledgeBase() {
        return knowledgeBases.getObject();
    }

    /** How often this instance has compared its index with the store (for tests and the log). */
    public long checks() {
        return checks.get();
    }

    /**
     * Brings this instance's index in step with the store: indexes what changed, drops what is gone.
     *
     * @return how many documents it changed here
     */
    public int apply() {
        changes.lock();
        try {
            Map<String, String[]> stored = new LinkedHashMap<>();
            jdbc.query("SELECT document_id, file_name, content_hash FROM document ORDER BY document_id",
                    rs -> {
                        stored.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    });
            Map<String, DocumentRecord> local = new HashMap<>();
            index.documents().forEach(d -> local.put(d.documentId(), d));
            Map<String, DocumentMetadata> described = overrides.all();
            int changed = 0;
            for (var entry : stored.entrySet()) {
                String documentId = entry.getKey();
                String fileName = entry.getValue()[0];
                String hash = entry.getValue()[1];
                DocumentRecord here = local.get(documentId);
                if (here != null && here.contentHash().equals(hash) && here.fileName().equals(fileName)
                        && !here.override().equals(described.getOrDefault(documentId, DocumentMetadata.NONE))) {
                    try {
                        knowledgeBase().reread(documentId); // staff changed its metadata on another instance
                    } catch (UnreadableDocumentException e) {
                        log.warn("Cannot index {} again here: {}", fileName, e.getMessage());
                    }
                    changed++;
                    continue;
                }
                if (here != null && here.contentHash().equals(hash) && here.fileName().equals(fileName)
                        || hash.equals(unreadable.get(documentId))) {
                    continue;
                }
                byte[] content = jdbc.queryForObject("SELECT content FROM document WHERE document_id = ?", byte[].class, documentId);
                try {
                    knowledgeBase().put(fileName, content);
                    unreadable.remove(documentId);
                } catch (UnreadableDocumentException e) {
                    log.warn("Cannot index {} from the store here: {}", fileName, e.getMessage());
                    unreadable.put(documentId, hash);
                }
                knowledgeBase().pruneVersions(documentId, 0);
                changed++;
            }
            for (String documentId : local.keySet()) {
                if (!stored.containsKey(documentId)) {
                    knowledgeBase().remove(documentId);
                    knowledgeBase().pruneVersions(documentId, 0);
                    changed++;
                }
            }
            checks.incrementAndGet();
            if (changed > 0) {
                log.info("Applied {} document change(s) from the store", changed);
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            changes.unlock();
        }
    }

    /** Keeps the store's current version of a document, unless it is the same as what replaces it; false when there is none. */
    private boolean keepCurrent(String documentId, String reason, String newHash, String newFileName, Instant now) {
        var current = jdbc.query("SELECT file_name, content, content_hash FROM document WHERE document_id = ? FOR UPDATE",
                (rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getString(3)}, documentId);
        if (current.isEmpty()) {
            return false;
        }
        String fileName = (String) current.get(0)[0];
        byte[] content = (byte[]) current.get(0)[1];
        String hash = (String) current.get(0)[2];
        if (hash.equals(newHash) && fileName.equals(newFileName)) {
            return true;
        }
        String base = VERSION_ID.format(now);
        String versionId = base;
        for (int i = 2; Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM document_version WHERE document_id = ? AND version_id = ?)",
                Boolean.class, documentId, versionId)); i++) {
            versionId = base + "-" + i;
        }
        jdbc.update("""
                INSERT INTO document_version (document_id, version_id, file_name, reason, kept_at, size, content_hash, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", documentId, versionId, fileName, reason, Timestamp.from(now),
                (long) content.length, hash, content);
        return true;
    }

    private void notifyChange(String documentId) {
        jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, CHANNEL, documentId);
    }

    private static KeptVersion version(java.sql.ResultSet rs) throws SQLException {
        return new KeptVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getString(7));
    }

    /** A change in one transaction; what the index did here is undone from the store if it fails. */
    private <T> T change(Work<T> work) throws UnreadableDocumentException, IOException {
        try {
            return transactions.execute(status -> {
                try {
                    return work.run();
                } catch (UnreadableDocumentException | IOException e) {
                    throw new Wrapped(e);
                }
            });
        } catch (Wrapped e) {
            if (e.getCause() instanceof UnreadableDocumentException unreadable) {
                throw unreadable;
            }
            throw (IOException) e.getCause();
        } catch (RuntimeException e) {
            // the store refused: bring this instance back to what the store holds
            try {
                apply();
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private <T> T changeOnly(Work<T> work) throws IOException {
        try {
            return change(work);
        } catch (UnreadableDocumentException e) {
            throw new IOException(e);
        }
    }

    private interface Work<T> {
        T run() throws UnreadableDocumentException, IOException;
    }

    private static final class Wrapped extends RuntimeException {
        Wrapped(Exception cause) {
            super(cause);
        }
    }

    // ---- start: seed, working copy, then listen

    @Override
    public void start() {
        seedIfEmpty();
        writeWorkingCopy();
        running = true;
    }

    /** Once the knowledge base has indexed the working copy: from then on, changes in the store are applied here. */
    @EventListener(ApplicationReadyEvent.class)
    void listenForChanges() {
        if (running && listener == null) {
            listener = Thread.ofPlatform().daemon().name("store-notifications").start(this::listen);
        }
    }

    /** Fills an empty store from the seed folder (the first instance to start against a new database). */
    private void seedIfEmpty() {
        Path seed = properties.seedDir() == null ? null : properties.seedDir().toAbsolutePath().normalize();
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, DOCUMENTS_LOCK);
            Integer count = jdbc.queryForObject("SELECT count(*) FROM document", Integer.class);
            if (count == null || count > 0 || seed == null || !Files.isDirectory(seed)) {
                return;
            }
            int seeded = 0;
            try (Stream<Path> walk = Files.walk(seed)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(".") || name.startsWith("~$")) {
                        continue;
                    }
                    byte[] content = Files.readAllBytes(file);
                    seeded += jdbc.update("""
                            INSERT INTO document (document_id, file_name, content, content_hash, modified_at)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT (document_id) DO NOTHING""",
                            KnowledgeBase.documentId(name), name, content, sha256(content),
                            Timestamp.from(Files.getLastModifiedTime(file).toInstant()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the seed folder " + seed, e);
            }
            log.info("The store was empty: {} documents put in from {}", seeded, seed);
        });
    }

    /** Makes the working copy hold exactly the store's documents, so the knowledge base indexes just those. */
    private void writeWorkingCopy() {
        try {
            Files.createDirectories(workingCopy);
            Map<String, String> hashes = new HashMap<>();
            jdbc.query("SELECT file_name, content_hash FROM document", rs -> {
                hashes.put(rs.getString(1), rs.getString(2));
            });
            try (Stream<Path> walk = Files.walk(workingCopy)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (!file.getParent().equals(workingCopy) || !hashes.containsKey(name)) {
                        Files.delete(file);
                    } else if (sha256(Files.readAllBytes(file)).equals(hashes.get(name))) {
                        hashes.remove(name);
                    }
                }
            }
            for (String name : hashes.keySet()) {
                byte[] content = jdbc.queryForObject("SELECT content FROM document WHERE file_name = ? LIMIT 1", byte[].class, name);
                Path temporary = Files.createTempFile(workingCopy, ".store-", ".part");
                Files.write(temporary, content);
                Files.move(temporary, workingCopy.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the working copy " + workingCopy, e);
        }
    }

    /** Waits for notifications on a connection of its own; at each one, and at least every check interval, applies the store. */
    /** The longest a wait for notifications holds the listening connection. */
    private static final long POLL_MILLIS = 1_000;
    /** How long stop() waits for the listener to close its connection. */
    private static final long STOP_WAIT_MILLIS = 10_000;

    private void listen() {
        long pause = 500;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                if (!running) {
                    return;
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                pause = 500;
                apply(); // whatever changed while not listening
                long interval = Math.max(1, properties.checkInterval().toMillis());
                long nextCheck = System.nanoTime() + interval * 1_000_000;
                while (running) {
                    // never blocks long on the connection's lock, so stop() is answered within a poll
                    PGNotification[] notifications = postgres.getNotifications((int) Math.min(interval, POLL_MILLIS));
                    if (!running) {
                        return;
                    }
                    boolean notified = notifications != null && notifications.length > 0;
                    if (notified) {
                        log.debug("Store notified {} change(s)", notifications.length);
                    }
                    if (notified || System.nanoTime() - nextCheck >= 0) {
                        apply();
                        nextCheck = System.nanoTime() + interval * 1_000_000;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the store's notifications ({}); listening again in {} ms", e.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, properties.checkInterval().toMillis());
            }
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
        if (thread != null) {
            // the listener closes its own connection: closing it from here would wait on the driver's lock
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the knowledge base indexes the working copy. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 500;
    }
}
