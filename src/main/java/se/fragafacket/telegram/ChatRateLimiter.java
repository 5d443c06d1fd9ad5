package se.fragafacket.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts each chat's questions in a sliding window. Past the limit a chat is told once to wait, and then
 * not answered until the window has room again.
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

    /** Chats remembered at once; the least recently heard from is forgotten first. */
    private static final int MAX_CHATS = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final LinkedHashMap<Long, Window> chats = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Window {
        final Deque<Instant> asked = new ArrayDeque<>();
        boolean warned;
    }

    ChatRateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    synchronized Decision check(long chatId) {
        Instant now = clock.instant();
        Instant start = now.minus(window);
        Window chat = chats.computeIfAbsent(chatId, id -> new Window());
        while (!chat.asked.isEmpty() && !chat.asked.peekFirst().isAfter(start)) {
            chat.asked.removeFirst();
        }
        if (chat.asked.size() < limit) {
            chat.asked.addLast(now);
            chat.warned = false;
            forgetIdle(start);
            return Decision.ALLOW;
        }
        if (chat.warned) {
            return Decision.DROP;
        }
        chat.warned = true;
        return Decision.WARN;
    }

    private void forgetIdle(Instant start) {
        Iterator<Map.Entry<Long, Window>> eldest = chats.entrySet().iterator();
        while (chats.size() > MAX_CHATS && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
        // access order: the least recently heard from come first; stop at the first still counting
        eldest = chats.entrySet().iterator();
        while (eldest.hasNext()) {
            Window chat = eldest.next().getValue();
            if (chat.asked.isEmpty() || !chat.asked.peekLast().isAfter(start)) {
                eldest.remove();
            } else {
                break;
            }
        }
    }
}
