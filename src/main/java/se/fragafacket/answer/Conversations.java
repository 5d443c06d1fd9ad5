package se.fragafacket.answer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The recent exchanges of each conversation, so follow-up questions can be understood: bounded in turns
 * per conversation and in conversations, and forgotten after a while idle.
 */
@Component
public class Conversations {

    /** One exchange. */
    public record Turn(String question, String answer, boolean answered, List<String> documentIds, Instant at) {
    }

    private final AnswerProperties properties;
    private final Clock clock;
    private final LinkedHashMap<String, Deque<Turn>> byId = new LinkedHashMap<>(16, 0.75f, true);

    public Conversations(AnswerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Where a channel's conversation is kept: each channel has its own, so ids cannot reach across. */
    public static String key(String channel, String conversationId) {
        return channel + "/" + conversationId;
    }

    /** The conversation's turns still remembered, oldest first. */
    public synchronized List<Turn> turns(String conversationId) {
        evictIdle();
        Deque<Turn> turns = byId.get(conversationId);
        if (turns == null || turns.isEmpty()) {
            return List.of();
        }
        if (turns.getLast().at().isBefore(clock.instant().minus(properties.conversationTtl()))) {
            byId.remove(conversationId);
            return List.of();
        }
        return List.copyOf(turns);
    }

    public synchronized void add(String conversationId, Turn turn) {
        Deque<Turn> turns = byId.computeIfAbsent(conversationId, id -> new ArrayDeque<>());
        turns.addLast(turn);
        while (turns.size() > properties.conversationTurns()) {
            turns.removeFirst();
        }
        while (byId.size() > properties.maxConversations()) {
            var eldest = byId.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    public synchronized void forget(String conversationId) {
        byId.remove(conversationId);
    }

    private void evictIdle() {
        Instant cutoff = clock.instant().minus(properties.conversationTtl());
        // access order: the idlest come first
        var entries = byId.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Deque<Turn>> entry = entries.next();
            if (entry.getValue().isEmpty() || entry.getValue().getLast().at().isBefore(cutoff)) {
                entries.remove();
            } else {
                break;
            }
        }
    }
}
