package se.fragafacket.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.fragafacket.answer.Conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole bot in long-polling mode: the service on a random port, the real AnswerService over knowledge/,
 * telegrambots polling a local fake Bot API server that speaks Telegram's JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class TelegramPollingTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final FakeBotApi telegram = FakeBotApi.start(TestProperties.TOKEN);

    @Autowired
    private Conversations conversations;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("fraga.data-dir", () -> "target/test-data/telegram-polling-" + UUID.randomUUID());
        registry.add("fraga.telegram.token", () -> TestProperties.TOKEN);
        registry.add("fraga.telegram.base-url", telegram::baseUrl);
        registry.add("fraga.telegram.poll-timeout", () -> "1s");
        registry.add("fraga.telegram.rate-limit", () -> "3");
        registry.add("fraga.telegram.retry-backoff", () -> "100ms");
        registry.add("fraga.public-url", () -> "https://fraga.example.se/");
    }

    @AfterAll
    static void stop() {
        telegram.close();
    }

    private static List<FakeBotApi.Call> awaitMessages(long chatId, int count) {
        await().atMost(TIMEOUT).until(() -> telegram.messagesTo(chatId).size() >= count);
        return telegram.messagesTo(chatId);
    }

    @Test
    void answersAMembersQuestionWithItsSourcesInTheSameChat() {
        telegram.text(1001, "Hur många LO-distrikt finns det idag?");

        FakeBotApi.Call answer = awaitMessages(1001, 1).get(0);

        assertThat(answer.text()).contains("nio").contains("<b>Källor:</b>")
                // the source's title names whom the document speaks for
                .contains("• <a href=\"https://fraga.example.se/dokument/lo-lokalt-och-regionalt\">Lokalt och regionalt — LO</a>")
                .doesNotContain("(lo-lokalt-och-regionalt)");
        assertThat(answer.params().path("parse_mode").asString()).isEqualToIgnoringCase("HTML");
        assertThat(telegram.calls("deleteWebhook")).isNotEmpty();
        assertThat(telegram.calls("getUpdates").get(0).params().path("allowed_updates").toString()).isEqualTo("[\"message\"]");
        // "typing…" was shown to that chat before the answer came
        List<FakeBotApi.Call> toChat = telegram.calls().stream()
                .filter(c -> c.params().path("chat_id").asString("").equals("1001")).toList();
        assertThat(toChat.get(0).method()).isEqualTo("sendchataction");
        assertThat(toChat.get(0).params().path("action").asString()).isEqualTo("typing");
    }

    @Test
    void answersAFollowUpInTheContextOfItsChat() {
        telegram.text(1002, "Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?");
        awaitMessages(1002, 1);
        telegram.text(1002, "Vem är ansvarig för det?");

        FakeBotApi.Call followUp = awaitMessages(1002, 2).get(1);

        assertThat(followUp.text()).contains("Per Ek");
        assertThat(turns(1002)).hasSize(2);
    }

    @Test
    void keepsTwoChatsApart() {
        telegram.text(1003, "Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?");
        awaitMessages(1003, 1);
        // another member's question comes in between; it must not become the context of the first chat
        telegram.text(1004, "Hur många LO-distrikt finns det idag?");
        assertThat(awaitMessages(1004, 1).get(0).text()).contains("nio");
        telegram.text(1003, "Vem är ansvarig för det?");

        assertThat(awaitMessages(1003, 2).get(1).text()).contains("Per Ek");
        assertThat(telegram.messagesTo(1004)).hasSize(1);
        assertThat(turns(1003)).extracting(Conversations.Turn::question)
                .containsExactly("Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?",
                        "Vem är ansvarig för det?");
        assertThat(turns(1004)).extracting(Conversations.Turn::question)
                .containsExactly("Hur många LO-distrikt finns det idag?");
    }

    @Test
    void startsAConversationOverOnNy() {
        telegram.text(1005, "Hur många LO-distrikt finns det idag?");
        awaitMessages(1005, 1);
        assertThat(turns(1005)).hasSize(1);

        telegram.text(1005, "/ny");

        assertThat(awaitMessages(1005, 2).get(1).text()).contains("börjar vi om");
        assertThat(turns(1005)).isEmpty();
    }

    @Test
    void greetsInSwedishOnStartAndSaysWhatItCanAnswer() {
        telegram.text(1006, "/start");

        String greeting = awaitMessages(1006, 1).get(0).text();

        assertThat(greeting).startsWith("Hej! Jag är Fråga facket.")
                .contains("Du kan till exempel fråga:\n• Vad innebär uppdraget som ledamot i ett LO-fack?")
                .contains("5 just nu") // the documents in knowledge/
                .contains("• Hva vi gjør — LO i Vestoppland\n") // each title names whom the document speaks for
                .contains("• Om oss — LO-distriktet i Mellansverige\n")
                .contains("/ny").contains("020-56 00 56");
    }

    @Test
    void explainsItselfOnHelp() {
        telegram.text(1007, "/help");

        assertThat(awaitMessages(1007, 1).get(0).text()).contains("/ny").contains("@" + FakeBotApi.BOT_USERNAME);
    }

    @Test
    void repliesPolitelyToAPhotoOrAVoiceMessage() {
        telegram.photo(1008);
        telegram.voice(1008);

        List<FakeBotApi.Call> replies = awaitMessages(1008, 2);

        assertThat(replies).allSatisfy(reply -> assertThat(reply.text()).contains("bara skrivna frågor"));
        assertThat(turns(1008)).isEmpty();
    }

    @Test
    void answersInAGroupOnlyWhenMentionedOrRepliedTo() {
        long group = -100_1009;
        telegram.groupText(group, "Hur många LO-distrikt finns det idag?");
        int mentioned = telegram.groupText(group, "@" + FakeBotApi.BOT_USERNAME + " Hur många LO-distrikt finns det idag?");

        // messages of one chat are handled in order: when the second is answered, the first was passed over
        List<FakeBotApi.Call> answers = awaitMessages(group, 1);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).text()).contains("nio");
        assertThat(answers.get(0).params().path("reply_parameters").path("message_id").asInt()).isEqualTo(mentioned);
        assertThat(turns(group)).extracting(Conversations.Turn::question)
                .containsExactly("Hur många LO-distrikt finns det idag?");

        telegram.groupText(group, "Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?");
        telegram.groupReplyToBot(group, "Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?");

        assertThat(awaitMessages(group, 2)).hasSize(2);
        assertThat(turns(group)).hasSize(2);
    }

    @Test
    void asksAChatThatAsksTooMuchToWait() {
        for (int i = 0; i < 4; i++) {
            telegram.text(1010, "Hur många LO-distrikt finns det idag?");
        }

        List<FakeBotApi.Call> replies = awaitMessages(1010, 4);

        assertThat(replies.subList(0, 3)).allSatisfy(reply -> assertThat(reply.text()).contains("nio"));
        assertThat(replies.get(3).text()).contains("Vänta en liten stund");
    }

    @Test
    void waitsTheRetryAfterOfA429BeforeSendingAgain() {
        telegram.failNext("sendMessage", 1011L, 429, "Too Many Requests: retry after 1", 1);

        telegram.text(1011, "Hur många LO-distrikt finns det idag?");

        List<FakeBotApi.Call> delivered = awaitMessages(1011, 1);
        List<FakeBotApi.Call> attempts = telegram.sendAttempts(1011);
        assertThat(attempts).extracting(FakeBotApi.Call::status).containsExactly(429, 200);
        assertThat(FakeBotApi.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(delivered.get(0).text()).contains("nio");
    }

    @Test
    void goesOnAfterFailingUpdatesAndApiErrorsWithoutLoggingTheToken(CapturedOutput output) {
        telegram.failNextWithPage("getUpdates", 502);
        telegram.broken();
        telegram.failNext("sendMessage", 1012L, 403, "Forbidden: bot was blocked by the user", null);
        telegram.text(1012, "Hur många LO-distrikt finns det idag?");
        telegram.failNext("sendMessage", 1013L, 500, "Internal Server Error", null);
        telegram.text(1013, "Hur många LO-distrikt finns det idag?");

        assertThat(awaitMessages(1013, 1).get(0).text()).contains("nio");
        assertThat(telegram.sendAttempts(1013)).extracting(FakeBotApi.Call::status).containsExactly(500, 200);
        await().atMost(TIMEOUT).until(() -> output.toString().contains("bot was blocked by the user"));
        assertThat(telegram.sendAttempts(1012)).hasSize(1);
        assertThat(output).contains("Error received from Telegram GetUpdates Request");
        assertThat(output).doesNotContain(TestProperties.TOKEN).doesNotContain("AAFake-Token");
    }

    @Test
    void keepsTheWebhookClosedWhilePolling() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .header(TelegramWebhookController.SECRET_HEADER, "anything")
                .POST(HttpRequest.BodyPublishers.ofString(telegram.webhookUpdate(1014, "Hur många LO-distrikt finns det idag?")))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("long polling");
    }

    private java.util.List<Conversations.Turn> turns(long chatId) {
        return conversations.turns(Conversations.key(TelegramChannel.CHANNEL, TelegramChannel.conversationId(chatId)));
    }
}
