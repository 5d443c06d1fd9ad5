package se.fragafacket.search;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.fragafacket.store.StoreEnvironment;

/** Where the shared mode keeps staff's synonyms: one row of {@code synonyms}, read by every instance. */
@Component
@ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.POSTGRES)
class JdbcSynonymsStore implements OrganisationSynonyms.Store {

    private final JdbcTemplate jdbc;

    JdbcSynonymsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String text() {
        return jdbc.query("SELECT text FROM synonyms WHERE id = 1", rs -> rs.next() ? rs.getString(1) : null);
    }

    @Override
    public long version() {
        Long version = jdbc.query("SELECT version FROM synonyms WHERE id = 1", rs -> rs.next() ? rs.getLong(1) : 0L);
        return version == null ? 0 : version;
    }

    @Override
    public void save(String text) {
        jdbc.update("""
                INSERT INTO synonyms (id, text, version) VALUES (1, ?, 1)
                ON CONFLICT (id) DO UPDATE SET text = EXCLUDED.text, version = synonyms.version + 1""", text);
    }
}
