package se.fragafacket.limits;

/** A request over a limit: answered 429 with {@code Retry-After} and the message. */
public class RateLimitedException extends RuntimeException {

    private final transient LimitProbe probe;

    public RateLimitedException(String message, LimitProbe probe) {
        super(message, null, false, false);
        this.probe = probe;
    }

    public long retryAfterSeconds() {
        return probe.retryAfterSeconds();
    }
}
