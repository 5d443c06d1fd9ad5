package se.fragafacket.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import se.fragafacket.answer.Answer;
import se.fragafacket.answer.Source;

import static org.assertj.core.api.Assertions.assertThat;

/** The Bot API client with Telegram's error handling, against a local fake Bot API server. */
@ExtendWith(OutputCaptureExtension.class)
class BotApiTests {

    private static final long CHAT = 55_501;

    private final FakeBotApi telegram = FakeBotApi.start(TestProperties.TOKEN);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final BotApi api = new BotApi(TestProperties.pointingAt(telegram.baseUrl()), waits::add);

    @AfterEach
    void stop() {
        api.close();
        telegram.close();
    }

    @Test
    void sendsAnAnswerLongerThanOneMessageAsSeveralInOrder() {
        String text = "LO-distriktet samordnar fackförbundens gemensamma frågor i regionen, "
                + "från arbetsmarknadspolitik till facklig utbildning. ";
        StringBuilder answer = new StringBuilder();
        for (int i = 1; answer.length() < 9000; i++) {
            answer.append(i).append(". ").append(text);
        }
        Source source = new Source("lo-lokalt-och-regionalt", "Lokalt och regionalt", "Lokalt och regionalt\n…");
        List<String> messages = Replies.of(new Answer.Found(answer.toString(), List.of(source)), 4096);

        boolean sent = api.sendMessages(CHAT, messages, null);

        assertThat(sent).isTrue();
        List<FakeBotApi.Call> received = telegram.messagesTo(CHAT);
        assertThat(received).hasSize(3);
        assertThat(received).allSatisfy(call -> {
            assertThat(call.params().path("parse_mode").asString()).isEqualToIgnoringCase("HTML");
            assertThat(call.text().length()).isLessThanOrEqualTo(4096);
        });
        String joined = String.join(" ", received.stream().map(FakeBotApi.Call::text).toList());
        assertThat(joined).startsWith("1. LO-distriktet").contains("50. LO-distriktet");
        assertThat(received.get(0).text()).doesNotContain("Källor");
        assertThat(received.get(2).text()).endsWith("<b>Källor:</b>\n• Lokalt och regionalt");
        // each part ends where a sentence does
        assertThat(received.subList(0, 2)).allSatisfy(call -> assertThat(call.text()).endsWith("utbildning."));
    }

    @Test
    void waitsAsLongAsA429AsksAndThenSends() {
        telegram.failNext("sendMessage", CHAT, 429, "Too Many Requests: retry after 7", 7);

        boolean sent = api.sendMessages(CHAT, List.of("Hej"), null);

        assertThat(sent).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(telegram.sendAttempts(CHAT)).extracting(FakeBotApi.Call::status).containsExactly(429, 200);
    }

    @Test
    void dropsAMessageWhose429WaitIsLongerThanAllowed() {
        telegram.failNext("sendMessage", CHAT, 429, "Too Many Requests: retry after 3600", 3600);

        assertThat(api.sendMessages(CHAT, List.of("Hej"), null)).isFalse();
        assertThat(waits).isEmpty();
        assertThat(telegram.sendAttempts(CHAT)).hasSize(1);
    }

    @Test
    void retriesServerErrorsWithADoublingBackoff() {
        telegram.failNext("sendMessage", CHAT, 500, "Internal Server Error", null);
        telegram.failNextWithPage("sendMessage", 502);

        boolean sent = api.sendMessages(CHAT, List.of("Hej"), null);

        assertThat(sent).isTrue();
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(telegram.sendAttempts(CHAT)).extracting(FakeBotApi.Call::status).containsExactly(500, 502, 200);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        for (int i = 0; i < 4; i++) {
            telegram.failNext("sendMessage", CHAT, 503, "Service Unavailable", null);
        }

        assertThat(api.sendMessages(CHAT, List.of("Hej"), null)).isFalse();
        assertThat(telegram.sendAttempts(CHAT)).hasSize(4);
        assertThat(waits).hasSize(3);
    }

    @Test
    void dropsAMessageToAMemberWhoBlockedTheBotWithoutRetrying(CapturedOutput output) {
        telegram.failNext("sendMessage", CHAT, 403, "Forbidden: bot was blocked by the user", null);

        boolean sent = api.sendMessages(CHAT, List.of("Första delen", "Andra delen"), null);

        assertThat(sent).isFalse();
        assertThat(telegram.sendAttempts(CHAT)).hasSize(1);
        assertThat(waits).isEmpty();
        assertThat(output).contains("bot was blocked by the user");
    }

    @Test
    void dropsWhatTelegramRefusesAsBadRequest() {
        telegram.failNext("sendMessage", CHAT, 400, "Bad Request: can't parse entities", null);

        assertThat(api.sendMessages(CHAT, List.of("<b>trasig"), null)).isFalse();
        assertThat(telegram.sendAttempts(CHAT)).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void neverLogsTheTokenWhenTheServerCannotBeReached(CapturedOutput output) {
        int port = java.net.URI.create(telegram.baseUrl()).getPort();
        telegram.close(); // nothing listens there any more
        BotApi unreachable = new BotApi(TestProperties.pointingAt("http://127.0.0.1:" + port), waits::add);
        try {
            assertThat(unreachable.call(new GetMe(), 0)).isEmpty();
        } finally {
            unreachable.close();
        }

        assertThat(waits).hasSize(3);
        assertThat(output).contains("getme to chat 0 dropped after 4 tries");
        assertThat(output).doesNotContain(TestProperties.TOKEN).doesNotContain("AAFake-Token");
    }

    @Test
    void repliesToTheMembersMessageInGroups() {
        api.sendMessages(-100_200, List.of("Svar", "Källor"), 77);

        List<FakeBotApi.Call> received = telegram.messagesTo(-100_200);
        assertThat(received.get(0).params().path("reply_parameters").path("message_id").asInt()).isEqualTo(77);
        assertThat(received.get(1).params().has("reply_parameters")).isFalse();
    }
}
