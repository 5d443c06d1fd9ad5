package se.fragafacket.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.fragafacket.answer.AnswerProperties;
import se.fragafacket.answer.Conversations;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations in the store, so a member's follow-up is understood by whichever instance takes it: the last
 * {@code fraga.answer.conversation-turns} turns of each, forgotten after {@code fraga.answer.conversation-ttl}
 * idle (idle ones are deleted every {@code fraga.shared.conversation-cleanup}).
 */
@Component
@Primary
@ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.POSTGRES)
public class JdbcConversations extends Conversations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final AnswerProperties properties;
    private final SharedProperties shared;
    private final Clock clock;
    private volatile Instant lastCleanup = Instant.MIN;

    JdbcConversations(JdbcTemplate jdbc, AnswerProperties properties, SharedProperties shared, Clock clock) {
        super(properties, clock);
        this.jdbc = jdbc;
        this.properties = properties;
        this.shared = shared;
        this.clock = clock;
    }

    @Override
    public List<Turn> turns(String conversationId) {
        List<Turn> newestFirst = jdbc.query("""
                        SELECT question, answer, answered, document_ids, at FROM conversation_turn
                        WHERE conversation_key = ? ORDER BY turn DESC LIMIT ?""",
                (rs, n) -> new Turn(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        JSON.readValue(rs.getString(4), STRINGS), rs.getTimestamp(5).toInstant()),
                conversationId, properties.conversationTurns());
        if (newestFirst.isEmpty() || newestFirst.get(0).at().isBefore(clock.instant().minus(properties.conversationTtl()))) {
            return List.of();
        }
        List<Turn> turns = new ArrayList<>(newestFirst);
        Collections.reverse(turns);
        return List.copyOf(turns);
    }

    @Override
    public void add(String conversationId, Turn turn) {
        jdbc.update("""
                INSERT INTO conversation_turn (conversation_key, question, answer, answered, document_ids, at)
                VALUES (?, ?, ?, ?, ?, ?)""", conversationId, turn.question(), turn.answer(), turn.answered(),
                JSON.writeValueAsString(turn.documentIds()), Timestamp.from(turn.at()));
        jdbc.update("""
                DELETE FROM conversation_turn WHERE conversation_key = ? AND turn NOT IN (
                    SELECT turn FROM conversation_turn WHERE conversation_key = ? ORDER BY turn DESC LIMIT ?)""",
                conversationId, conversationId, properties.conversationTurns());
        Instant now = clock.instant();
        if (lastCleanup.isBefore(now.minus(shared.conversationCleanup()))) {
            lastCleanup = now;
            deleteIdle(now.minus(properties.conversationTtl()));
        }
    }

    @Override
    public void forget(String conversationId) {
        jdbc.update("DELETE FROM conversation_turn WHERE conversation_key = ?", conversationId);
    }

    /** Deletes the conversations idle since before {@code cutoff}; returns how many turns went. */
    public int deleteIdle(Instant cutoff) {
        return jdbc.update("""
                DELETE FROM conversation_turn WHERE conversation_key IN (
                    SELECT conversation_key FROM conversation_turn GROUP BY conversation_key HAVING max(at) < ?)""",
                Timestamp.from(cutoff));
    }
}
