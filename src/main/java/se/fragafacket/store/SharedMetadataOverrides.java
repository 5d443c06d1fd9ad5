package se.fragafacket.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.fragafacket.ingest.MetadataOverrides;
import se.fragafacket.search.DocumentMetadata;

/**
 * The shared mode's metadata overrides: a row per document in PostgreSQL ({@code document_metadata}), which
 * every instance reads when it indexes a document; {@link SharedDocuments} announces a change to the others.
 */
@Component
@Primary
@ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.POSTGRES)
class SharedMetadataOverrides implements MetadataOverrides {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SharedMetadataOverrides(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<String, DocumentMetadata> all() {
        Map<String, DocumentMetadata> out = new HashMap<>();
        jdbc.query("SELECT document_id, title, organisation, district, region, stated_date FROM document_metadata",
                rs -> {
                    Date date = rs.getDate(6);
                    out.put(rs.getString(1), new DocumentMetadata(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), date == null ? null : date.toLocalDate()));
                });
        return out;
    }

    @Override
    public void put(String documentId, DocumentMetadata override) {
        if (override == null || override.isEmpty()) {
            jdbc.update("DELETE FROM document_metadata WHERE document_id = ?", documentId);
            return;
        }
        jdbc.update("""
                INSERT INTO document_metadata (document_id, title, organisation, district, region, stated_date, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (document_id) DO UPDATE SET title = EXCLUDED.title, organisation = EXCLUDED.organisation,
                    district = EXCLUDED.district, region = EXCLUDED.region, stated_date = EXCLUDED.stated_date,
                    changed_at = EXCLUDED.changed_at""",
                documentId, override.title(), override.organisation(), override.district(), override.region(),
                override.date() == null ? null : Date.valueOf(override.date()), Timestamp.from(clock.instant()));
    }
}
