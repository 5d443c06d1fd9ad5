package se.fragafacket.limits;

import java.time.Duration;

/**
 * What a limiter said about one more request.
 *
 * @param allowed    whether it may go ahead
 * @param retryAfter when refused, how long until it would be let through
 */
public record LimitProbe(boolean allowed, Duration retryAfter) {

    static final LimitProbe ALLOWED = new LimitProbe(true, Duration.ZERO);

    /** Whole seconds to wait, at least 1 when refused (for {@code Retry-After}). */
    public long retryAfterSeconds() {
        if (allowed) {
            return 0;
        }
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
