package se.fragafacket.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Telegram updates in the store, so that with several instances each update is answered once (by
 * {@code update_id}, whichever instance it reached, also when Telegram sends it again or a new poller gets it
 * again) and each chat's updates one at a time in {@code update_id} order: the instance that takes an update
 * holds the chat's advisory lock and answers every update of that chat not yet answered, oldest first.
 */
@Component
@ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.POSTGRES)
public class TelegramUpdateLedger {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateLedger.class);
    /** First half of the two-part advisory lock key of a chat. */
    private static final int CHAT_LOCKS = 0x66726167;
    /** Answered updates are kept this long, past any resend by Telegram. */
    private static final Duration KEPT = Duration.ofDays(2);

    /** Telegram's own model is written and read with the Jackson 2 mapper it is annotated for. */
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final DataSource dataSource;
    private final Clock clock;
    private volatile Instant lastCleanup = Instant.MIN;

    TelegramUpdateLedger(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The handler, answering each update once across instances and each chat's in order. */
    public Consumer<Update> onceInOrder(Consumer<Update> handler) {
        return update -> take(update, handler);
    }

    void take(Update update, Consumer<Update> handler) {
        long chat = update.hasMessage() && update.getMessage().getChat() != null ? update.getMessage().getChatId() : 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            boolean fresh;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO telegram_update (update_id, chat_id, payload, received_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (update_id) DO NOTHING""")) {
                insert.setLong(1, update.getUpdateId());
                insert.setLong(2, chat);
                insert.setString(3, json.writeValueAsString(update));
                insert.setTimestamp(4, Timestamp.from(clock.instant()));
                fresh = insert.executeUpdate() == 1;
            }
            if (!fresh && handled(connection, update.getUpdateId())) {
                log.debug("Telegram update {} was taken already", update.getUpdateId());
                return;
            }
            lock(connection, "SELECT pg_advisory_lock(?, ?)", chat);
            try {
                drain(connection, chat, handler);
            } finally {
                lock(connection, "SELECT pg_advisory_unlock(?, ?)", chat);
            }
            cleanup(connection);
        } catch (SQLException | com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalStateException("Telegram update " + update.getUpdateId() + " could not be kept in the store", e);
        }
    }

    /** Answers the chat's updates not yet answered, oldest first. */
    private void drain(Connection connection, long chat, Consumer<Update> handler) throws SQLException {
        while (true) {
            long updateId;
            String payload;
            try (PreparedStatement next = connection.prepareStatement("""
                    SELECT update_id, payload FROM telegram_update WHERE chat_id = ? AND handled_at IS NULL
                    ORDER BY update_id LIMIT 1""")) {
                next.setLong(1, chat);
                try (ResultSet result = next.executeQuery()) {
                    if (!result.next()) {
                        return;
                    }
                    updateId = result.getLong(1);
                    payload = result.getString(2);
                }
            }
            try {
                handler.accept(json.readValue(payload, Update.class));
            } catch (RuntimeException | com.fasterxml.jackson.core.JacksonException e) {
                // one bad update must not hold up the chat
                log.error("Telegram update {} failed", updateId, e);
            }
            try (PreparedStatement done = connection.prepareStatement(
                    "UPDATE telegram_update SET handled_at = ? WHERE update_id = ?")) {
                done.setTimestamp(1, Timestamp.from(clock.instant()));
                done.setLong(2, updateId);
                done.executeUpdate();
            }
        }
    }

    private static boolean handled(Connection connection, long updateId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT handled_at IS NOT NULL FROM telegram_update WHERE update_id = ?")) {
            query.setLong(1, updateId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void lock(Connection connection, String sql, long chat) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setInt(1, CHAT_LOCKS);
            lock.setInt(2, Long.hashCode(chat));
            lock.execute();
        }
    }

    private void cleanup(Connection connection) throws SQLException {
        Instant now = clock.instant();
        if (lastCleanup.isAfter(now.minus(Duration.ofHours(1)))) {
            return;
        }
        lastCleanup = now;
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM telegram_update WHERE handled_at IS NOT NULL AND handled_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(KEPT)));
            delete.executeUpdate();
        }
    }
}
