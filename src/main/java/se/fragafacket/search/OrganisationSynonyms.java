package se.fragafacket.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisation's terms and slang as staff last saved them (Solr synonym format, see {@link Synonyms}):
 * in {@code fraga.data-dir}/synonyms.txt, or in the shared mode in PostgreSQL so every instance uses the same
 * list; the list shipped in the jar ({@code search/synonyms.txt}) while staff have saved none. A new list is
 * checked line by line before it replaces the old one and is used by the next question (no re-indexing:
 * synonyms apply to questions only).
 */
public final class OrganisationSynonyms {

    private static final Logger log = LoggerFactory.getLogger(OrganisationSynonyms.class);
    /** How often an instance of the shared mode looks whether another instance saved a new list. */
    private static final long SHARED_CHECK_NANOS = 2_000_000_000L;

    /** Where a list is kept other than the data folder's file (the shared mode's database). */
    public interface Store {
        /** The saved list, or null when staff have saved none. */
        String text();

        /** A stamp that changes whenever the list is saved (0 when none is). */
        long version();

        void save(String text);
    }

    private final Analysis analysis;
    private final Path file;
    private final Store store;
    private final String shipped;
    private final ResourceCache cache;
    /** The rules in force; at start still being compiled on a thread of its own (a question waits for them). */
    private volatile java.util.concurrent.CompletableFuture<Synonyms> current;
    private volatile String text;
    private volatile long version = -1;
    private volatile long checkedAt;

    /**
     * @param file    staff's list in the data folder (file mode)
     * @param store   the shared store, or null in file mode
     * @param shipped the list shipped with the service
     */
    public OrganisationSynonyms(Analysis analysis, Path file, Store store, String shipped) {
        this(analysis, file, store, shipped, ResourceCache.none(), Runnable::run);
    }

    /**
     * @param cache    where the compiled rules are kept between starts
     * @param executor compiles the list read at start (a question waits for it)
     */
    public OrganisationSynonyms(Analysis analysis, Path file, Store store, String shipped, ResourceCache cache,
                                java.util.concurrent.Executor executor) {
        this.analysis = analysis;
        this.file = file;
        this.store = store;
        this.shipped = shipped;
        this.cache = cache;
        load(executor);
    }

    /** The rules as compiled at start (waited for), for {@link LanguageResources}. */
    java.util.concurrent.CompletableFuture<?> loaded() {
        return current;
    }

    public static String shippedList() {
        try (InputStream in = OrganisationSynonyms.class.getResourceAsStream("/search/synonyms.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void load() {
        load(Runnable::run);
    }

    private synchronized void load(java.util.concurrent.Executor executor) {
        String saved;
        String where;
        if (store != null) {
            version = store.version();
            saved = store.text();
            where = "the shared store";
        } else {
            try {
                saved = Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            where = file.toAbsolutePath().toString();
        }
        checkedAt = System.nanoTime();
        text = saved != null ? saved : shipped;
        current = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            if (saved != null) {
                try {
                    Synonyms parsed = compile(saved);
                    log.info("Organisation synonyms read from {}: {} rules", where, parsed.size());
                    return parsed;
                } catch (InvalidSynonymsException e) {
                    log.warn("Organisation synonyms in {} cannot be read ({}); the built-in list is used", where, e.getMessage());
                    text = shipped;
                }
            }
            Synonyms parsed = compile(shipped);
            log.info("Organisation synonyms: the built-in list, {} rules (staff can replace it on the staff page)", parsed.size());
            return parsed;
        }, executor);
    }

    /** The list's rules, from the cache when this very list was compiled at an earlier start. */
    private Synonyms compile(String list) {
        try {
            return cache.get("organisation-synonyms", ResourceCache.digest(list), () -> Synonyms.parse(analysis, list),
                    Synonyms::write, in -> Synonyms.read(analysis, in));
        } catch (InvalidSynonymsException | UncheckedIOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rules in force (in the shared mode re-read when another instance saved a new list). */
    public Synonyms synonyms() {
        if (store != null && System.nanoTime() - checkedAt > SHARED_CHECK_NANOS) {
            refresh();
        }
        return current.join();
    }

    /** Re-reads the shared store's list if another instance saved one since. */
    public synchronized void refresh() {
        if (store == null) {
            return;
        }
        checkedAt = System.nanoTime();
        if (store.version() != version) {
            load();
        }
    }

    /** The list in force, as written (in the shared mode as last saved by any instance). */
    public String text() {
        refresh();
        return text;
    }

    /**
     * Checks and saves a new list, which the next question uses.
     *
     * @return how many input–output pairs its rules make
     * @throws InvalidSynonymsException naming the first line that cannot be read; nothing is changed then
     */
    public synchronized int save(String list) {
        String normalised = list == null ? "" : list.replace("\r\n", "\n");
        Synonyms parsed = Synonyms.parse(analysis, normalised); // throws before anything is changed
        if (store != null) {
            store.save(normalised);
            version = store.version();
        } else {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(temporary, normalised, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }
        current = java.util.concurrent.CompletableFuture.completedFuture(parsed);
        text = normalised;
        log.info("Organisation synonyms replaced: {} rules", parsed.size());
        return parsed.size();
    }
}
