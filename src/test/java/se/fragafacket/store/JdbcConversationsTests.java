package se.fragafacket.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.fragafacket.MovableClock;
import se.fragafacket.Settings;
import se.fragafacket.answer.AnswerProperties;
import se.fragafacket.answer.Conversations;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversations in a real PostgreSQL database: bounded in turns, forgotten after the idle time, on any instance. */
class JdbcConversationsTests {

    private static final MovableClock clock = new MovableClock();
    private static JdbcTemplate jdbc;
    private static JdbcConversations onA;
    private static JdbcConversations onB;

    @BeforeAll
    static void store() {
        var dataSource = new DriverManagerDataSource(TestPostgres.server().newDatabase("conversations"), TestPostgres.USER, "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        var answer = Settings.bind("fraga.answer", AnswerProperties.class,
                Map.of("conversation-ttl", "30m", "conversation-turns", "3"));
        var shared = Settings.bind("fraga.shared", SharedProperties.class, Map.of("conversation-cleanup", "1m"));
        onA = new JdbcConversations(jdbc, answer, shared, clock);
        onB = new JdbcConversations(jdbc, answer, shared, clock);
    }

    private static Conversations.Turn turn(String question) {
        return new Conversations.Turn(question, "svar på " + question, true, List.of("lo-lokalt-och-regionalt"), clock.instant());
    }

    @Test
    void keepsTheLastTurnsInOrderForEveryInstance() {
        for (String question : List.of("ett", "två", "tre", "fyra")) {
            (question.length() % 2 == 0 ? onA : onB).add("api/k1", turn(question));
        }
        assertThat(onB.turns("api/k1")).extracting(Conversations.Turn::question).containsExactly("två", "tre", "fyra");
        assertThat(onA.turns("api/k1").get(2).documentIds()).containsExactly("lo-lokalt-och-regionalt");
        onB.forget("api/k1");
        assertThat(onA.turns("api/k1")).isEmpty();
    }

    @Test
    void forgetsAConversationIdleLongerThanTheTtl() {
        onA.add("api/k2", turn("första"));
        clock.advance(Duration.ofMinutes(29));
        assertThat(onB.turns("api/k2")).hasSize(1);
        onB.add("api/k2", turn("andra"));
        clock.advance(Duration.ofMinutes(31));
        assertThat(onA.turns("api/k2")).isEmpty();

        onA.add("api/k3", turn("ny")); // more than the cleanup interval after the last: idle ones are deleted
        assertThat(jdbc.queryForObject("SELECT count(*) FROM conversation_turn WHERE conversation_key = 'api/k2'",
                Integer.class)).isZero();
        assertThat(onB.turns("api/k3")).hasSize(1);
    }
}
