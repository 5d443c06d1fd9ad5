package se.fragafacket.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A memo of a pure function with a bound on its size, safe for many threads: values are kept in two generations;
 * when the young one is full it becomes the old one and the previous old one is dropped. A key asked for again
 * is carried into the young generation, so what recurs stays and what was seen once goes, and at most
 * {@code 2 × generation} entries are held whatever the number of distinct keys. No lock is held while a value is
 * computed; two threads may compute the same value once each (it is the same value).
 */
final class BoundedCache<K, V> {

    private final int generation;
    private final Function<K, V> compute;
    private volatile Map<K, V> young = new ConcurrentHashMap<>();
    private volatile Map<K, V> old = Map.of();

    /**
     * @param generation entries per generation (the cache holds at most twice this many)
     * @param compute    the function memoised; never returns null
     */
    BoundedCache(int generation, Function<K, V> compute) {
        if (generation < 1) {
            throw new IllegalArgumentException("a generation holds at least one entry");
        }
        this.generation = generation;
        this.compute = compute;
    }

    V get(K key) {
        Map<K, V> current = young;
        V value = current.get(key);
        if (value != null) {
            return value;
        }
        value = old.get(key);
        if (value == null) {
            value = compute.apply(key);
        }
        if (current.size() >= generation) {
            synchronized (this) {
                if (young == current) {
                    old = current;
                    young = current = new ConcurrentHashMap<>();
                } else {
                    current = young;
                }
            }
        }
        current.put(key, value);
        return value;
    }

    /** Entries held now (both generations; a key in both counts twice). */
    int size() {
        return young.size() + old.size();
    }
}
