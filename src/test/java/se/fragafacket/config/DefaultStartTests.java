package se.fragafacket.config;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import se.fragafacket.ServiceTest;
import se.fragafacket.telegram.TelegramChannel;

/**
 * The embedded default (no model server, no bot token, {@code fraga.store=file}) starts only what a member's
 * question needs: no database, no migrations, no bot, no model or embedding client, no metrics.
 */
@ServiceTest
class DefaultStartTests {

    @Autowired
    ApplicationContext context;

    @Test
    void noDatabaseNoMigrationsAndNoSessionStoreInTheFileMode() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Flyway.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.jdbc.core.JdbcTemplate.class)).isEmpty();
    }

    @Test
    void noBotWithoutAToken() {
        assertThat(context.getBeanNamesForType(TelegramChannel.class)).isEmpty();
    }

    @Test
    void noModelClientsAndTheExtractiveAnswerer() {
        assertThat(context.getBeanNamesForType(StreamingChatModel.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EmbeddingModel.class)).isEmpty();
        assertThat(context.getBean("answerer").getClass().getSimpleName()).isEqualTo("ExtractiveAnswerer");
    }

    @Test
    void noMetricsAreCollected() {
        // only the health and info endpoints are exposed: Micrometer is left out of the jar (pom.xml)
        assertThat(ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", getClass().getClassLoader()))
                .isFalse();
    }
}
