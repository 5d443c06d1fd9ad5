package se.fragafacket.curation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.fragafacket.answer.FeedbackGiven;
import se.fragafacket.answer.QuestionAnswered;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.store.StoreEnvironment;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Insights in the shared mode's store: the masked unanswered and unhelpful questions ({@code insight}) and the
 * masked answers given that a member's mark can join ({@code answer_given}), so a mark counts whichever instance
 * gave the answer and whichever takes the mark. Grouped as in the file mode.
 */
@Component
@Primary
@ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.POSTGRES)
class JdbcInsights extends Insights {

    private static final String EVALUATION_CHANNEL = "eval";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final int kept;

    JdbcInsights(JdbcTemplate jdbc, FragaProperties fraga, CurationProperties properties) {
        super(fraga, properties);
        this.jdbc = jdbc;
        this.kept = properties.insightsKept();
    }

    @Override
    @EventListener
    void answered(QuestionAnswered event) {
        if (EVALUATION_CHANNEL.equals(event.channel())) {
            return;
        }
        safely("an answer given", () -> {
            String question = PersonalData.mask(event.question());
            String answer = PersonalData.maskAnswer(event.answer(), event.question());
            String documentIds = JSON.writeValueAsString(List.copyOf(event.documentIds()));
            jdbc.update("""
                    INSERT INTO answer_given (message_id, channel, question, answer, document_ids, at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""",
                    event.messageId(), event.channel(), question, answer, documentIds, Timestamp.from(event.at()));
            if (!event.answered() && !event.smallTalk()) {
                insert(event.at(), "unanswered", event.channel(), event.messageId(), question, answer, "[]", "");
            }
        });
    }

    /** A store that cannot be written to is logged, and never fails the member's answer. */
    private static void safely(String what, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(JdbcInsights.class)
                    .error("Insights could not keep {} (the member got the answer): {}", what, e.toString());
        }
    }

    @Override
    @EventListener
    void feedback(FeedbackGiven event) {
        if (event.helpful()) {
            return;
        }
        String comment = PersonalData.mask(event.comment() == null ? "" : event.comment().strip());
        // only a mark on an answer the service gave counts, and once (see Insights)
        safely("an unhelpful mark", () -> jdbc.query("""
                UPDATE answer_given SET marked = TRUE WHERE message_id = ? AND NOT marked
                RETURNING channel, question, answer, document_ids""",
                rs -> {
                    insert(event.at(), "unhelpful", rs.getString(1), event.messageId(), rs.getString(2),
                            rs.getString(3), rs.getString(4), comment);
                }, event.messageId()));
    }

    @Override
    public List<Group> groups() {
        List<Entry> entries = new ArrayList<>(jdbc.query("""
                SELECT at, kind, channel, message_id, question, answer, document_ids, comment FROM insight
                ORDER BY at DESC, id DESC LIMIT ?""",
                (rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), JSON.readValue(rs.getString(7), STRINGS),
                        rs.getString(8)), kept));
        Collections.reverse(entries);
        return groups(entries);
    }

    /** Deletes the insights and remembered answers from before {@code cutoff} (for retention); returns how many insights went. */
    @Override
    public int deleteOlderThan(Instant cutoff) {
        jdbc.update("DELETE FROM answer_given WHERE at < ?", Timestamp.from(cutoff));
        return jdbc.update("DELETE FROM insight WHERE at < ?", Timestamp.from(cutoff));
    }

    /** Deletes every insight of a question as grouped (the same words, case and punctuation aside); how many went. */
    @Override
    int delete(String question) {
        String key = normalise(question == null ? "" : question);
        List<Long> doomed = jdbc.query("SELECT id, question FROM insight", (rs, n) ->
                rs.getString(2) != null && normalise(rs.getString(2)).equals(key) ? rs.getLong(1) : null)
                .stream().filter(java.util.Objects::nonNull).toList();
        int removed = 0;
        for (Long id : doomed) {
            removed += jdbc.update("DELETE FROM insight WHERE id = ?", id);
        }
        return removed;
    }

    private void insert(Instant at, String kind, String channel, String messageId, String question, String answer,
                        String documentIds, String comment) {
        jdbc.update("""
                INSERT INTO insight (at, kind, channel, message_id, question, answer, document_ids, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(at), kind, channel, messageId, question, answer,
                documentIds, comment);
        // as many as the file mode keeps
        jdbc.update("DELETE FROM insight WHERE id <= (SELECT id FROM insight ORDER BY id DESC OFFSET ? LIMIT 1)", kept);
    }
}
