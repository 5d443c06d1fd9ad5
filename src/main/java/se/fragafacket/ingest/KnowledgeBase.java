package se.fragafacket.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.search.ChunkRecord;
import se.fragafacket.search.DocumentMetadata;
import se.fragafacket.search.DocumentRecord;
import se.fragafacket.search.KnowledgeIndex;

/**
 * The knowledge folder and the index kept in step with it. On start it indexes new and changed files (by
 * size and modification time, then content hash) and forgets removed ones, before the web server takes requests; staff changes go through
 * {@link #put} and {@link #remove}, which change the folder and the index together and keep the version
 * they replace or delete under {@code fraga.data-dir}/history, from where {@link #restore} brings it back.
 */
@Component
public class KnowledgeBase implements SmartLifecycle, DocumentStore {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    /** Types a file's extension promises; the content decides, but a file that is not what its name says is refused. */
    private static final Map<String, List<String>> EXTENSION_TYPES = Map.ofEntries(
            Map.entry("pdf", List.of("application/pdf")),
            Map.entry("docx", List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
            Map.entry("doc", List.of("application/msword")),
            Map.entry("odt", List.of("application/vnd.oasis.opendocument.text")),
            Map.entry("rtf", List.of("application/rtf")),
            Map.entry("epub", List.of("application/epub+zip")),
            Map.entry("html", List.of("text/", "application/xhtml+xml")),
            Map.entry("htm", List.of("text/", "application/xhtml+xml")),
            Map.entry("xhtml", List.of("text/", "application/xhtml+xml")),
            Map.entry("txt", List.of("text/")),
            Map.entry("text", List.of("text/")),
            Map.entry("md", List.of("text/")),
            Map.entry("markdown", List.of("text/")));

    private final Path folder;
    private final KnowledgeIndex index;
    private final DocumentParser parser;
    private final Chunker chunker;
    private final VersionArchive archive;
    private final MetadataOverrides overrides;
    private final ReentrantLock writes = new ReentrantLock();
    private final long maxFileSize;
    private volatile boolean ready;
    /** Files read and parsed by {@link #sync()} so far (the rest were skipped unread). */
    private final AtomicInteger parsed = new AtomicInteger();
    private volatile int ingestThreads = Math.max(1, Runtime.getRuntime().availableProcessors());

    public KnowledgeBase(FragaProperties fraga, IngestProperties properties, KnowledgeIndex index) {
        this(fraga, properties, index, new LocalMetadataOverrides(fraga));
    }

    @org.springframework.beans.factory.annotation.Autowired
    public KnowledgeBase(FragaProperties fraga, IngestProperties properties, KnowledgeIndex index,
                         MetadataOverrides overrides) {
        this.overrides = overrides;
        this.maxFileSize = properties.maxFileSize().toBytes();
        this.folder = fraga.knowledgeDir().toAbsolutePath().normalize();
        this.index = index;
        this.parser = new DocumentParser(properties);
        this.chunker = new Chunker(properties.maxChunkChars());
        this.archive = new VersionArchive(fraga.dataDir().toAbsolutePath().normalize().resolve("history"));
    }

    /** True once the folder has been indexed and questions can be answered. */
    public boolean isReady() {
        return ready;
    }

    public Path folder() {
        return folder;
    }

    /** The outcome of reading a knowledge folder. */
    public record SyncReport(int indexed, int unchanged, int removed, Map<String, String> failed, long millis) {
    }

    /**
     * Brings the index in step with the folder: a file whose size and modification time are as noted when it
     * was indexed is skipped unread; the others are read, parsed and indexed side by side (one thread a core).
     */
    public SyncReport sync() {
        writes.lock();
        try {
            long start = System.nanoTime();
            Files.createDirectories(folder);
            Map<String, KnowledgeIndex.Entry> known = index.entries(); // every record, read once
            Map<String, DocumentMetadata> set = overrides.all();
            Instant now = Instant.now();
            int indexed = 0, unchanged = 0;
            Map<String, String> failed = new LinkedHashMap<>();
            Map<String, Path> seen = new LinkedHashMap<>();
            List<Pending> pending = new ArrayList<>();
            for (var listed : filesWithAttributes().entrySet()) {
                Path file = listed.getKey();
                String fileName = file.getFileName().toString();
                String documentId = documentId(fileName);
                if (seen.containsKey(documentId)) {
                    log.warn("Skipping {}: {} already has the documentId '{}'", folder.relativize(file),
                            folder.relativize(seen.get(documentId)), documentId);
                    continue;
                }
                seen.put(documentId, file);
                KnowledgeIndex.Entry before = known.get(documentId);
                FileStamp stamp = FileStamp.of(listed.getValue(), now); // the walk's own look at the file: one stat
                if (current(before, fileName, set) && stamp != null
                        && FileStamp.parse(before.stamp()) instanceof FileStamp noted && noted.settled() && noted.sameFile(stamp)) {
                    unchanged++;
                    continue;
                }
                pending.add(new Pending(file, fileName, before, stamp));
            }
            for (Outcome outcome : ingest(pending, set)) {
                Pending item = outcome.pending();
                switch (outcome.kind()) {
                    case INDEXED -> indexed++;
                    case UNCHANGED -> unchanged++;
                    case UNREADABLE -> {
                        // one file that cannot be read (too large, unreadable, vanished) never stops the rest
                        log.warn("Skipping {}: {}", folder.relativize(item.file()), outcome.reason());
                        failed.put(item.fileName(), outcome.reason());
                        if (item.before() != null) {
                            index.delete(documentId(item.fileName()));
                        }
                    }
                }
            }
            int removed = 0;
            for (String documentId : known.keySet()) {
                if (!seen.containsKey(documentId) || failed.containsKey(seen.get(documentId).getFileName().toString())) {
                    index.delete(documentId);
                    removed++;
                }
            }
            if (indexed > 0 || removed > 0 || !failed.isEmpty()) {
                index.commit(); // nothing changed: nothing to commit (a restart over an unchanged folder)
            }
            ready = true;
            var report = new SyncReport(indexed, unchanged, removed, failed, (System.nanoTime() - start) / 1_000_000);
            log.info("Knowledge base {}: {} indexed, {} unchanged, {} removed, {} unreadable in {} ms", folder,
                    report.indexed(), report.unchanged(), report.removed(), failed.size(), report.millis());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the knowledge folder " + folder, e);
        } finally {
            writes.unlock();
        }
    }

    /** How many files {@link #sync()} has parsed since this was made. */
    int parsed() {
        return parsed.get();
    }

    /** Files read side by side at start (default: one a core). */
    void ingestThreads(int threads) {
        this.ingestThreads = Math.max(1, threads);
    }

    /** A file to read at start, and what the index held of it. */
    private record Pending(Path file, String fileName, KnowledgeIndex.Entry before, FileStamp stamp) {
    }

    private enum Kind { INDEXED, UNCHANGED, UNREADABLE }

    private record Outcome(Pending pending, Kind kind, String reason) {
    }

    /** Reads, parses and indexes the files side by side, a thread a core, into the one IndexWriter; in file order. */
    private List<Outcome> ingest(List<Pending> pending, Map<String, DocumentMetadata> set) throws IOException {
        if (pending.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(pending.size(), ingestThreads);
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "ingest-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>(pending.size());
            for (Pending item : pending) {
                futures.add(pool.submit(() -> ingest(item, set)));
            }
            List<Outcome> outcomes = new ArrayList<>(pending.size());
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the knowledge folder", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io; // the index could not be written: as before, start-up fails
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome ingest(Pending item, Map<String, DocumentMetadata> set) throws IOException {
        try {
            byte[] content = read(item.file());
            String hash = sha256(content);
            KnowledgeIndex.Entry before = item.before();
            if (current(before, item.fileName(), set) && before.record().contentHash().equals(hash)
                    && item.stamp() != null && item.stamp().sameFile(FileStamp.parse(before.stamp()))) {
                return new Outcome(item, Kind.UNCHANGED, null); // noted too soon after a change to trust; the same
            }
            if (item.stamp() == null) {
                throw new UnreadableDocumentException("it could not be read from disk");
            }
            parsed.incrementAndGet();
            store(item.fileName(), parser.parse(item.fileName(), content), hash, item.stamp(), set);
            return new Outcome(item, Kind.INDEXED, null);
        } catch (UnreadableDocumentException e) {
            return new Outcome(item, Kind.UNREADABLE, e.getMessage());
        }
    }

    /** The index holds this file, under this name, made the way the index makes entries now, with staff's metadata as set now. */
    private boolean current(KnowledgeIndex.Entry before, String fileName, Map<String, DocumentMetadata> set) {
        return before != null && before.record().fileName().equals(fileName) && index.format().equals(before.format())
                && before.record().override().equals(set.getOrDefault(before.record().documentId(), DocumentMetadata.NONE));
    }

    /**
     * Reads a document and, only if it can be read, writes it into the folder (under a temporary name, then
     * moved into place) and indexes it, replacing any document with the same documentId. The version it
     * replaces is kept first (see {@link #versions(String)}).
     */
    public DocumentRecord put(String fileName, byte[] content) throws UnreadableDocumentException, IOException {
        Path target = target(fileName);
        // read outside the lock: a slow file does not hold up other staff's changes
        ParsedDocument parsed = parser.parse(fileName, content);
        checkType(fileName, parsed.mediaType());
        writes.lock();
        try {
            String documentId = documentId(fileName);
            String hash = sha256(content);
            Optional<Path> previous = index.document(documentId).flatMap(this::locate)
                    .or(() -> Optional.of(target).filter(Files::isRegularFile));
            if (previous.isPresent()) {
                byte[] old = Files.readAllBytes(previous.get());
                String oldHash = sha256(old);
                if (!oldHash.equals(hash) || !previous.get().equals(target)) {
                    archive.keep(documentId, previous.get(), KeptVersion.REPLACED, oldHash);
                }
            }
            if (Files.isRegularFile(target) && previous.filter(target::equals).isEmpty()) {
                // a file already at the target name that the index did not know (a second file with the same
                // documentId, skipped at start): kept too, so nothing is overwritten unsaved
                archive.keep(documentId, target, KeptVersion.REPLACED, sha256(Files.readAllBytes(target)));
            }
            Path temporary = Files.createTempFile(folder, ".upload-", ".part");
            try {
                Files.write(temporary, content);
                readableLikeTheOthers(temporary);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            if (previous.isPresent() && !previous.get().equals(target)) {
                Files.deleteIfExists(previous.get());
            }
            DocumentRecord record = store(fileName, parsed, hash, FileStamp.of(target, Instant.now()), overrides.all());
            index.commit();
            return record;
        } finally {
            writes.unlock();
        }
    }

    /** A temporary file is made owner-only (0600); an uploaded document gets the originals' rw-r--r--. */
    private static void readableLikeTheOthers(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Removes a document from the folder and the index, keeping its file as a version first; false when there
     * is none by that id.
     */
    public boolean remove(String documentId) throws IOException {
        writes.lock();
        try {
            Optional<DocumentRecord> document = index.document(documentId);
            if (document.isEmpty()) {
                return false;
            }
            Optional<Path> file = locate(document.get());
            if (file.isPresent()) {
                archive.keep(documentId, file.get(), KeptVersion.DELETED, sha256(Files.readAllBytes(file.get())));
                Files.delete(file.get());
            }
            index.delete(documentId);
            index.commit();
            return true;
        } finally {
            writes.unlock();
        }
    }

    /** A document's kept earlier versions, newest first (also of a document that is deleted now). */
    public List<KeptVersion> versions(String documentId) throws IOException {
        return archive.versions(documentId);
    }

    /** Every kept version of every document, newest first. */
    public List<KeptVersion> versions() throws IOException {
        return archive.versions();
    }

    /**
     * Puts a kept version back as the document's current one (the current one, if any, is kept in turn);
     * empty when there is no such version.
     */
    public Optional<DocumentRecord> restore(String documentId, String versionId)
            throws UnreadableDocumentException, IOException {
        writes.lock();
        try {
            Optional<KeptVersion> version = archive.version(documentId, versionId);
            if (version.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(put(version.get().fileName(), archive.content(version.get())));
        } finally {
            writes.unlock();
        }
    }

    /** Forgets all but the newest {@code keep} kept versions of a document; returns how many went. */
    public int pruneVersions(String documentId, int keep) throws IOException {
        writes.lock();
        try {
            return archive.prune(documentId, keep);
        } finally {
            writes.unlock();
        }
    }

    /** Checks that a file can be read, without changing anything. */
    public void check(String fileName, byte[] content) throws UnreadableDocumentException {
        parser.parse(fileName, content);
    }

    public static String documentId(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * Sets what staff say of a document's title, organisation, district, region and date ({@link
     * DocumentMetadata#NONE} clears it) and indexes the document again with it; empty when there is no such document.
     */
    @Override
    public Optional<DocumentRecord> describe(String documentId, DocumentMetadata override)
            throws UnreadableDocumentException, IOException {
        writes.lock();
        try {
            if (index.document(documentId).isEmpty()) {
                return Optional.empty();
            }
            overrides.put(documentId, override);
            return reread(documentId);
        } finally {
            writes.unlock();
        }
    }

    /** Indexes a document again from its file, with staff's metadata as set now; empty when there is no such document. */
    public Optional<DocumentRecord> reread(String documentId) throws UnreadableDocumentException, IOException {
        writes.lock();
        try {
            Optional<DocumentRecord> document = index.document(documentId);
            Optional<Path> file = document.flatMap(this::locate);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            byte[] content = read(file.get());
            DocumentRecord record = store(document.get().fileName(), parser.parse(document.get().fileName(), content),
                    sha256(content), FileStamp.of(file.get(), Instant.now()), overrides.all());
            index.commit();
            return Optional.of(record);
        } finally {
            writes.unlock();
        }
    }

    private DocumentRecord store(String fileName, ParsedDocument parsed, String hash, FileStamp stamp,
                                 Map<String, DocumentMetadata> set) throws IOException {
        List<ChunkRecord> chunks = chunker.chunk(parsed.title(), parsed.blocks());
        if (log.isTraceEnabled()) {
            chunks.forEach(c -> log.trace("{} [{}]\n{}", fileName, c.headingPath(), c.text()));
        }
        String documentId = documentId(fileName);
        DocumentMetadata read = MetadataReader.read(parsed.title(),
                parsed.blocks().stream().map(Block::text).toList(), parsed.language());
        DocumentMetadata override = set.getOrDefault(documentId, DocumentMetadata.NONE);
        var record = new DocumentRecord(documentId, fileName, read.overriddenBy(override).title(), parsed.language(),
                hash, stamp.modified(), chunks.size(), read, override);
        index.replace(record, chunks, stamp.text());
        return record;
    }

    /**
     * The knowledge folder's files (hidden and Office lock files left out) in path order, each with the attributes
     * the walk read anyway (a symbolic link with those of its target), so a restart looks at each file once.
     */
    private java.util.SortedMap<Path, java.nio.file.attribute.BasicFileAttributes> filesWithAttributes() throws IOException {
        var out = new java.util.TreeMap<Path, java.nio.file.attribute.BasicFileAttributes>();
        Files.walkFileTree(folder, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("~$")) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                if (attributes.isSymbolicLink()) {
                    try {
                        attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                    } catch (IOException e) {
                        return java.nio.file.FileVisitResult.CONTINUE; // a dangling link is no file
                    }
                }
                if (attributes.isRegularFile()) {
                    out.put(file, attributes);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(folder)) {
                    throw e;
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return out;
    }


    /** The file a document was read from: usually at the top of the folder, else found where it lies. */
    private Optional<Path> locate(DocumentRecord document) {
        Path top = folder.resolve(document.fileName());
        if (Files.isRegularFile(top)) {
            return Optional.of(top);
        }
        try {
            return filesWithAttributes().keySet().stream()
                    .filter(p -> p.getFileName().toString().equals(document.fileName())).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where an uploaded file goes: directly in the folder, under a name the start-up scan does not skip. */
    private Path target(String fileName) throws UnreadableDocumentException {
        try {
            Path target = folder.resolve(fileName).normalize();
            if (!fileName.isBlank() && folder.equals(target.getParent())
                    && target.getFileName().toString().equals(fileName) && !skipped(fileName)) {
                return target;
            }
        } catch (InvalidPathException e) {
            // falls through to the refusal
        }
        throw new UnreadableDocumentException("its name must be a plain file name, without folders, not starting with '.' or '~$'");
    }

    private static boolean skipped(String fileName) {
        return fileName.startsWith(".") || fileName.startsWith("~$");
    }

    private static void checkType(String fileName, String mediaType) throws UnreadableDocumentException {
        int dot = fileName.lastIndexOf('.');
        List<String> expected = dot < 0 ? null : EXTENSION_TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (expected != null && expected.stream().noneMatch(mediaType::startsWith)) {
            throw new UnreadableDocumentException("it is named ." + fileName.substring(dot + 1)
                    + " but its content is " + mediaType + "; give it the right extension");
        }
    }

    /** A file's bytes, unless it is too large to take in or cannot be read from disk. */
    private byte[] read(Path file) throws UnreadableDocumentException {
        try {
            if (Files.size(file) > maxFileSize) {
                throw new UnreadableDocumentException("the file is larger than " + (maxFileSize >= 1_048_576
                        ? maxFileSize / 1_048_576 + " MB" : maxFileSize / 1024 + " KB"));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableDocumentException("it could not be read from disk (" + e + ")", e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() {
        sync();
    }

    @Override
    public void stop() {
        ready = false;
    }

    @Override
    public boolean isRunning() {
        return ready;
    }

    /** Before the web server starts taking requests. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
