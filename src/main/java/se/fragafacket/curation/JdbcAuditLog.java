package se.fragafacket.curation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.store.StoreEnvironment;

/** The audit log in the shared mode's store ({@code audit_entry}), the same for staff on every instance. */
@Component
@Primary
@ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.POSTGRES)
class JdbcAuditLog extends AuditLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CurationProperties properties;

    JdbcAuditLog(JdbcTemplate jdbc, FragaProperties fraga, Clock clock, CurationProperties properties) {
        super(fraga, clock, properties);
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    Entry record(String user, String action, String fileName, String documentId, String outcome, String detail) {
        var entry = new Entry(clock.instant(), user, action, fileName, documentId, outcome, detail);
        jdbc.update("""
                INSERT INTO audit_entry (at, username, action, file_name, document_id, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(entry.at()), user, action, fileName, documentId,
                outcome, detail);
        return entry;
    }

    @Override
    List<Entry> recent() {
        return jdbc.query("""
                SELECT at, username, action, file_name, document_id, outcome, detail FROM audit_entry
                ORDER BY at DESC, id DESC LIMIT ?""",
                (rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                properties.auditShown());
    }

    /** Deletes the entries from before {@code cutoff} (for retention); returns how many went. */
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.update("DELETE FROM audit_entry WHERE at < ?", Timestamp.from(cutoff));
    }
}
