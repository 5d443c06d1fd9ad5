package se.fragafacket.chat;

import java.util.ArrayDeque;

/** How many frames one connection sent in the last minute; refuses those beyond the limit. */
final class MessageRate {

    private static final long MINUTE_MILLIS = 60_000;

    private final int perMinute;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();

    MessageRate(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts a frame at {@code nowMillis}; false when it is one too many for the minute before it. */
    synchronized boolean tryAcquire(long nowMillis) {
        while (!recent.isEmpty() && recent.peekFirst() <= nowMillis - MINUTE_MILLIS) {
            recent.pollFirst();
        }
        if (recent.size() >= perMinute) {
            return false;
        }
        recent.addLast(nowMillis);
        return true;
    }

    /** Seconds until one more frame would be accepted. */
    synchronized long secondsToWait(long nowMillis) {
        if (recent.size() < perMinute) {
            return 0;
        }
        return Math.max(1, (recent.peekFirst() + MINUTE_MILLIS - nowMillis + 999) / 1000);
    }
}
