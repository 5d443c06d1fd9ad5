package se.fragafacket.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole bot in webhook mode: Telegram posts updates to /telegram/webhook with the agreed secret. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TelegramWebhookTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SECRET = "webhook-secret_4711";
    private static final FakeBotApi telegram = FakeBotApi.start(TestProperties.TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("fraga.data-dir", () -> "target/test-data/telegram-webhook-" + UUID.randomUUID());
        registry.add("fraga.telegram.token", () -> TestProperties.TOKEN);
        registry.add("fraga.telegram.base-url", telegram::baseUrl);
        registry.add("fraga.telegram.mode", () -> "webhook");
        registry.add("fraga.telegram.webhook-secret", () -> SECRET);
        registry.add("fraga.telegram.webhook-url", () -> "https://fraga.example.org/telegram/webhook");
    }

    @AfterAll
    static void stop() {
        telegram.close();
    }

    private HttpResponse<String> post(String secret, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(TelegramWebhookController.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void registersTheWebhookWithItsSecretOnStartAndDoesNotPoll() {
        await().atMost(TIMEOUT).until(() -> !telegram.calls("setWebhook").isEmpty());

        FakeBotApi.Call setWebhook = telegram.calls("setWebhook").get(0);
        assertThat(setWebhook.params().path("url").asString()).isEqualTo("https://fraga.example.org/telegram/webhook");
        assertThat(setWebhook.params().path("secret_token").asString()).isEqualTo(SECRET);
        assertThat(telegram.calls("getUpdates")).isEmpty();
        assertThat(telegram.calls("deleteWebhook")).isEmpty();
    }

    @Test
    void answersAnUpdateThatCarriesTheRightSecret() throws Exception {
        HttpResponse<String> response = post(SECRET, telegram.webhookUpdate(3001, "Hur många LO-distrikt finns det idag?"));

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(TIMEOUT).until(() -> !telegram.messagesTo(3001).isEmpty());
        assertThat(telegram.messagesTo(3001).get(0).text()).contains("nio").contains("• Lokalt och regionalt");
    }

    @Test
    void refusesAnUpdateWithAWrongOrMissingSecret() throws Exception {
        HttpResponse<String> wrong = post("not-the-secret", telegram.webhookUpdate(3002, "Hur många LO-distrikt finns det idag?"));
        HttpResponse<String> missing = post(null, telegram.webhookUpdate(3002, "Hur många LO-distrikt finns det idag?"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"error\"");
        assertThat(missing.statusCode()).isEqualTo(401);

        // the chat's next accepted update is the first it gets an answer to: the refused ones were never queued
        assertThat(post(SECRET, telegram.webhookUpdate(3002, "/start")).statusCode()).isEqualTo(200);
        await().atMost(TIMEOUT).until(() -> !telegram.messagesTo(3002).isEmpty());
        assertThat(telegram.messagesTo(3002)).hasSize(1);
        assertThat(telegram.messagesTo(3002).get(0).text()).startsWith("Hej!");
    }

    @Test
    void refusesABodyThatIsNotAnUpdate() throws Exception {
        assertThat(post(SECRET, "{\"message\": 42").statusCode()).isEqualTo(400);
        assertThat(post(SECRET, "{}").statusCode()).isEqualTo(400);
    }
}
