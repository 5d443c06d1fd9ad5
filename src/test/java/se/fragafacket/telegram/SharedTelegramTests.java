package se.fragafacket.telegram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.fragafacket.FragaFacketApplication;
import se.fragafacket.store.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the bot in long-polling mode on one real PostgreSQL database and one (fake) Bot API: only
 * one of them polls at a time, and when it stops the other takes over without answering anything twice.
 */
class SharedTelegramTests {

    private static final Logger log = LoggerFactory.getLogger(SharedTelegramTests.class);
    /** Only ends a test that would otherwise never end; nothing here waits for it to pass. */
    private static final Duration BOUND = Duration.ofMinutes(2);
    private static final Path ROOT = Path.of("target", "shared-telegram-tests", UUID.randomUUID().toString()).toAbsolutePath();

    private static FakeBotApi telegram;
    private static String url;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() {
        url = TestPostgres.server().newDatabase("shared_telegram");
        telegram = FakeBotApi.start(TestProperties.TOKEN);
        a = instance("a");
        b = instance("b");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {b, a}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    private static ConfigurableApplicationContext instance(String name) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("fraga.store", "postgres");
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", TestPostgres.USER);
        properties.put("fraga.knowledge-dir", "knowledge");
        properties.put("fraga.data-dir", ROOT.resolve(name).toString());
        properties.put("fraga.llm.provider", "extractive");
        properties.put("fraga.telegram.token", TestProperties.TOKEN);
        properties.put("fraga.telegram.base-url", telegram.baseUrl());
        properties.put("fraga.telegram.poll-timeout", "1s");
        properties.put("fraga.telegram.retry-backoff", "100ms");
        properties.put("fraga.shared.leader-check-interval", "200ms");
        properties.put("spring.jmx.enabled", "false");
        return new SpringApplicationBuilder(FragaFacketApplication.class).properties(properties).run();
    }

    private static boolean polls(ConfigurableApplicationContext context) {
        return context.isActive() && context.getBean(TelegramLeadership.class).polls();
    }

    @Test
    void oneInstancePollsAndTheOtherTakesOverWhenItStops() {
        await().atMost(BOUND).until(() -> polls(a) || polls(b));
        assertThat(polls(a) && polls(b)).as("both instances poll").isFalse();
        ConfigurableApplicationContext leader = polls(a) ? a : b;
        ConfigurableApplicationContext other = leader == a ? b : a;

        telegram.text(3001, "Hur många LO-distrikt finns det idag?");
        await().atMost(BOUND).until(() -> telegram.messagesTo(3001).size() >= 1);
        assertThat(telegram.messagesTo(3001).get(0).text()).contains("nio");
        assertThat(polls(other)).isFalse();

        long stopped = System.nanoTime();
        leader.close();
        await().atMost(BOUND).until(() -> polls(other));
        log.info("The other instance polled Telegram {} ms after the polling one stopped",
                (System.nanoTime() - stopped) / 1_000_000);

        telegram.text(3002, "Hur många LO-distrikt finns det idag?");
        await().atMost(BOUND).until(() -> telegram.messagesTo(3002).size() >= 1);
        JdbcTemplate store = other.getBean(JdbcTemplate.class);
        // each update was answered once: the first chat still has its one answer, and the store has both handled
        assertThat(telegram.messagesTo(3001)).hasSize(1);
        List<Long> handled = store.queryForList(
                "SELECT chat_id FROM telegram_update WHERE handled_at IS NOT NULL ORDER BY update_id", Long.class);
        assertThat(handled).containsExactly(3001L, 3002L);
    }
}
