package se.fragafacket.telegram;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With stream-edits on, the answer appears in one message that is edited as it grows and ends with its sources. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class TelegramStreamingTests {

    private static final FakeBotApi telegram = FakeBotApi.start(TestProperties.TOKEN);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("fraga.data-dir", () -> "target/test-data/telegram-streaming-" + UUID.randomUUID());
        registry.add("fraga.telegram.token", () -> TestProperties.TOKEN);
        registry.add("fraga.telegram.base-url", telegram::baseUrl);
        registry.add("fraga.telegram.poll-timeout", () -> "1s");
        registry.add("fraga.telegram.stream-edits", () -> "true");
        registry.add("fraga.telegram.edit-interval", () -> "1ms");
    }

    @AfterAll
    static void stop() {
        telegram.close();
    }

    @Test
    void editsOneMessageAsTheAnswerIsProducedAndEndsWithTheSources() {
        telegram.text(4001, "Hur många LO-distrikt finns det idag?");

        await().atMost(Duration.ofSeconds(30)).until(() -> telegram.calls("editMessageText").stream()
                .anyMatch(c -> c.chatId() == 4001 && c.text().contains("Källor")));

        List<FakeBotApi.Call> sent = telegram.messagesTo(4001);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).params().has("parse_mode")).isFalse(); // half an answer goes as plain text
        int messageId = telegram.calls("editMessageText").get(0).params().path("message_id").asInt();
        List<FakeBotApi.Call> edits = telegram.calls("editMessageText");
        assertThat(edits).allSatisfy(edit -> assertThat(edit.params().path("message_id").asInt()).isEqualTo(messageId));
        FakeBotApi.Call last = edits.get(edits.size() - 1);
        assertThat(last.text()).contains("nio").contains("<b>Källor:</b>");
        assertThat(last.params().path("parse_mode").asString()).isEqualToIgnoringCase("HTML");
    }
}
