package se.fragafacket.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Reads {@code fraga.store} before the application starts. {@code file} (the default): the database's
 * auto-configuration is left out, so the service runs as one process on its files and needs nothing else.
 * {@code postgres}: the shared mode; {@code fraga.knowledge-dir} becomes this instance's working copy of the
 * store's documents ({@code <fraga.data-dir>/knowledge}), and the folder it named seeds an empty store.
 */
public class StoreEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "fraga.store";
    public static final String FILE = "file";
    public static final String POSTGRES = "postgres";
    /** The folder of documents put into an empty store, by default the configured {@code fraga.knowledge-dir}. */
    public static final String SEED_DIR = "fraga.shared.seed-dir";

    /** Auto-configuration that would look for a database; none is used in the file mode. */
    static final List<String> DATABASE_AUTO_CONFIGURATION = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayEndpointAutoConfiguration",
            "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
            "org.springframework.boot.session.autoconfigure.SessionsEndpointAutoConfiguration",
            "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String store = environment.getProperty(PROPERTY, FILE).strip();
        Map<String, Object> settings = new LinkedHashMap<>();
        switch (store) {
            case FILE -> {
                Set<String> excluded = new LinkedHashSet<>(DATABASE_AUTO_CONFIGURATION);
                excluded.addAll(StringUtils.commaDelimitedListToSet(environment.getProperty("spring.autoconfigure.exclude", "")));
                excluded.remove("");
                settings.put("spring.autoconfigure.exclude", String.join(",", excluded));
            }
            case POSTGRES -> {
                String knowledge = environment.getProperty("fraga.knowledge-dir", "knowledge");
                String data = environment.getProperty("fraga.data-dir", "data");
                if (!environment.containsProperty(SEED_DIR)) {
                    settings.put(SEED_DIR, knowledge);
                }
                settings.put("fraga.knowledge-dir", Path.of(data).resolve("knowledge").toString());
            }
            default -> throw new IllegalStateException("fraga.store must be 'file' (the default: files under "
                    + "fraga.data-dir) or 'postgres' (shared mode, with spring.datasource.*), not '" + store + "'");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("fragaStore", settings));
    }

    /** After the configuration files are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
