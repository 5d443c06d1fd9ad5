package se.fragafacket.limits;

import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * One limit, "at most {@code count} in each {@code window}", kept per key in a {@link BucketStore}. A key's
 * window starts at its first request and the whole count comes back when it ends (Bucket4j's interval
 * refill), so "10 a minute" means what it says and the wait given is to the end of the window.
 */
public final class RateLimit {

    private final String name;
    private final long count;
    private final Duration window;
    private final BucketStore store;
    private final BucketConfiguration configuration;

    public RateLimit(String name, long count, Duration window, BucketStore store) {
        if (count < 1 || window == null || !window.isPositive()) {
            throw new IllegalArgumentException("the limit " + name + " needs a count of at least 1 and a positive window");
        }
        this.name = name;
        this.count = count;
        this.window = window;
        this.store = store;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(count).refillIntervally(count, window))
                .build();
    }

    /** Counts one request for {@code key}; refused when the key's window is used up. */
    public LimitProbe tryAcquire(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? LimitProbe.ALLOWED
                : new LimitProbe(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whether one more would be let through, without counting it. */
    public LimitProbe peek(String key) {
        EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? LimitProbe.ALLOWED
                : new LimitProbe(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    public long count() {
        return count;
    }

    public Duration window() {
        return window;
    }

    private Bucket bucket(String key) {
        return store.bucket(name + ":" + key, () -> configuration);
    }

    @Override
    public String toString() {
        return name + ": " + count + " per " + window;
    }
}
