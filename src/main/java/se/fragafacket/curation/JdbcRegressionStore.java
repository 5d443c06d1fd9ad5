package se.fragafacket.curation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.fragafacket.store.StoreEnvironment;

/**
 * Where {@link RegressionQuestions} keeps staff's list (JSONL as written) and the last run's report (JSON) in
 * the shared mode: one row of {@code regression}, the same for every instance.
 */
@Component
@ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.POSTGRES)
class JdbcRegressionStore {

    private final JdbcTemplate jdbc;

    JdbcRegressionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String questions() {
        return jdbc.query("SELECT questions FROM regression WHERE id = 1", rs -> rs.next() ? rs.getString(1) : "");
    }

    void questions(String jsonl) {
        jdbc.update("""
                INSERT INTO regression (id, questions) VALUES (1, ?)
                ON CONFLICT (id) DO UPDATE SET questions = EXCLUDED.questions""", jsonl);
    }

    /** The last report as JSON, or null. */
    String report() {
        return jdbc.query("SELECT report FROM regression WHERE id = 1", rs -> rs.next() ? rs.getString(1) : null);
    }

    void report(String json) {
        jdbc.update("""
                INSERT INTO regression (id, questions, report) VALUES (1, '', ?)
                ON CONFLICT (id) DO UPDATE SET report = EXCLUDED.report""", json);
    }
}
