package se.fragafacket.telegram;

import java.util.LinkedHashMap;
import java.util.Map;

import se.fragafacket.limits.RateLimit;

/**
 * Each chat's questions, counted by the service's one limiter ({@code fraga.telegram.rate-limit} per
 * {@code rate-limit-window}, per chat). Past the limit a chat is told once to wait, and then not answered
 * until its window has room again.
 */
final class ChatRateLimiter {

    /** What to do with a chat's message. */
    enum Decision {
        /** answer it */
        ALLOW,
        /** do not answer; say once that the chat should wait */
        WARN,
        /** do not answer; it was already told */
        DROP
    }

    /** Chats remembered as told to wait; the least recently heard from is forgotten first. */
    private static final int MAX_WARNED = 10_000;

    private final RateLimit limit;
    private final Map<Long, Boolean> warned = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > MAX_WARNED;
        }
    };

    ChatRateLimiter(RateLimit limit) {
        this.limit = limit;
    }

    Decision check(long chatId) {
        boolean allowed = limit.tryAcquire(Long.toString(chatId)).allowed();
        synchronized (warned) {
            if (allowed) {
                warned.remove(chatId);
                return Decision.ALLOW;
            }
            return warned.put(chatId, Boolean.TRUE) == null ? Decision.WARN : Decision.DROP;
        }
    }
}
