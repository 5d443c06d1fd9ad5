package se.fragafacket.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A role only one instance may hold at a time (polling Telegram): a PostgreSQL session-level advisory lock
 * held on a connection of its own. It is let go when the holder releases it, stops, dies or loses its
 * connection (PostgreSQL then ends the session), so another instance can take it over at its next try.
 */
public final class LeaderLock {

    private static final Logger log = LoggerFactory.getLogger(LeaderLock.class);

    private final DataSource dataSource;
    private final long key;
    private final String role;
    private Connection held;

    public LeaderLock(DataSource dataSource, long key, String role) {
        this.dataSource = dataSource;
        this.key = key;
        this.role = role;
    }

    /** Takes the lock if no other instance holds it; true when this instance holds it now. */
    public synchronized boolean tryAcquire() {
        if (held != null) {
            return stillHeld();
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + key + ")")) {
                if (result.next() && result.getBoolean(1)) {
                    held = connection;
                    log.info("This instance now {}", role);
                    return true;
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            log.warn("Cannot ask the store who {} ({})", role, e.getMessage());
            closeQuietly(connection);
            return false;
        }
    }

    /** Whether the lock is still held: false once its connection is gone (the store restarted or cannot be reached). */
    public synchronized boolean stillHeld() {
        if (held == null) {
            return false;
        }
        try (Statement statement = held.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted")) {
            if (result.next() && result.getInt(1) > 0) {
                return true;
            }
        } catch (SQLException e) {
            log.warn("Lost the store's lock on who {} ({})", role, e.getMessage());
        }
        closeQuietly(held);
        held = null;
        return false;
    }

    public synchronized boolean isHeld() {
        return held != null;
    }

    /** Lets the lock go, so another instance takes over at once. */
    public synchronized void release() {
        if (held == null) {
            return;
        }
        try (Statement statement = held.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + key + ")");
        } catch (SQLException e) {
            // closing the connection below lets it go as well
        }
        closeQuietly(held);
        held = null;
        log.info("This instance no longer {}", role);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // gone already
        }
    }
}
