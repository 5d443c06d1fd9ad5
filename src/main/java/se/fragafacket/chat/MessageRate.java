package se.fragafacket.chat;

import se.fragafacket.limits.LimitProbe;
import se.fragafacket.limits.RateLimit;

/** The frames one WebSocket connection may send: {@code fraga.chat.messages-per-minute}, counted per connection. */
final class MessageRate {

    private final RateLimit limit;
    private final String key;

    MessageRate(RateLimit limit, String connectionId) {
        this.limit = limit;
        this.key = connectionId;
    }

    /** Counts a frame; refused (with the wait) when it is one too many for the connection's minute. */
    LimitProbe tryAcquire() {
        return limit.tryAcquire(key);
    }
}
