package se.fragafacket.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The language resources being read beside the start (Hunspell, thesauri, bilingual dictionaries, the
 * organisation's synonyms): each on a thread of its own, so nothing on the start's way waits for them and the
 * two cores read them side by side. A question waits for exactly the resources it uses; the ready line says
 * which are still being read.
 */
public final class LanguageResources {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    /** Runs each task on a daemon thread of its own. */
    public static final Executor THREADS = command -> {
        Thread thread = new Thread(command, "language-resources-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    };

    private final Map<String, CompletableFuture<?>> loading = new LinkedHashMap<>();

    synchronized void add(String name, CompletableFuture<?> loaded) {
        loading.put(name, loaded);
    }

    /** The resources still being read. */
    public synchronized List<String> pending() {
        return loading.entrySet().stream().filter(e -> !e.getValue().isDone()).map(Map.Entry::getKey).toList();
    }

    /** Done when every resource is read (or failed to be). */
    public synchronized CompletableFuture<Void> all() {
        return CompletableFuture.allOf(loading.values().stream()
                .map(f -> f.handle((value, error) -> null)).toArray(CompletableFuture[]::new));
    }
}
