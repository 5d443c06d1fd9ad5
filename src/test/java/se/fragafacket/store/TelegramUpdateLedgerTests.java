package se.fragafacket.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.telegram.telegrambots.meta.api.objects.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances' update ledgers on one real PostgreSQL database, as in webhook mode behind a load balancer:
 * an update that reaches both is answered once, and a chat's updates are answered one at a time, oldest first,
 * whichever instance took them.
 */
class TelegramUpdateLedgerTests {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Only ends a test that would otherwise never end. */
    private static final Duration BOUND = Duration.ofMinutes(2);

    private static JdbcTemplate jdbc;
    private static TelegramUpdateLedger onA;
    private static TelegramUpdateLedger onB;

    @BeforeAll
    static void store() {
        var dataSource = new DriverManagerDataSource(TestPostgres.server().newDatabase("telegram_ledger"), TestPostgres.USER, "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        onA = new TelegramUpdateLedger(dataSource, Clock.systemUTC());
        onB = new TelegramUpdateLedger(dataSource, Clock.systemUTC());
    }

    private static Update update(long updateId, long chatId, String text) throws Exception {
        return JSON.readValue("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "text": "%s",
                 "chat": {"id": %d, "type": "private"}, "from": {"id": %d, "is_bot": false, "first_name": "M"}}}
                """.formatted(updateId, updateId, text, chatId, chatId), Update.class);
    }

    @Test
    void anUpdateDeliveredToBothInstancesIsAnsweredOnce() throws Exception {
        List<Integer> answered = new CopyOnWriteArrayList<>();
        Consumer<Update> handler = u -> answered.add(u.getUpdateId());
        Update update = update(100, 5001, "Hej");

        onA.onceInOrder(handler).accept(update);
        onB.onceInOrder(handler).accept(update);
        onA.onceInOrder(handler).accept(update);

        assertThat(answered).containsExactly(100);
    }

    @Test
    void aChatsUpdatesAreAnsweredOneAtATimeOldestFirstWhicheverInstanceTookThem() throws Exception {
        List<String> answered = new CopyOnWriteArrayList<>();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Consumer<Update> handler = u -> {
            if (u.getUpdateId() == 201) {
                firstStarted.countDown();
                try {
                    release.await(BOUND.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answered.add(u.getUpdateId() + ":" + u.getMessage().getText());
        };
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = threads.submit(() -> run(onA, handler, update(201, 6001, "Fråga")));
            assertThat(firstStarted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // while A answers the first, the chat's follow-ups reach B and A
            Future<?> second = threads.submit(() -> run(onB, handler, update(202, 6001, "Följdfråga")));
            Future<?> third = threads.submit(() -> run(onA, handler, update(203, 6001, "Tack")));
            await().atMost(BOUND).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM telegram_update WHERE chat_id = 6001", Integer.class) == 3);
            assertThat(answered).isEmpty();

            release.countDown();
            first.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            second.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            third.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(answered).containsExactly("201:Fråga", "202:Följdfråga", "203:Tack");
    }

    private static Void run(TelegramUpdateLedger ledger, Consumer<Update> handler, Update update) {
        ledger.onceInOrder(handler).accept(update);
        return null;
    }
}
