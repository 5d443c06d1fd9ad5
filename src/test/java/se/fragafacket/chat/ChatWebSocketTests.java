package se.fragafacket.chat;

import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import se.fragafacket.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole path of {@code /ws/chat}: a real WebSocket client against the service on a random port. */
@Import(MovableClock.InContext.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fraga.chat.messages-per-minute=8",
        "fraga.chat.max-frame-size=4KB",
        "fraga.chat.allowed-origins=https://medlem.example.se"})
class ChatWebSocketTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("fraga.data-dir", () -> "target/test-data/websocket-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Test
    void streamsTokensThenTheAnswerWithItsSources() {
        try (var client = ChatSocketClient.connect(port)) {
            client.ask("Hur många LO-distrikt finns det idag?", null);
            List<JsonNode> frames = client.untilAnswerOrError();

            JsonNode answer = frames.get(frames.size() - 1);
            List<JsonNode> tokens = frames.subList(0, frames.size() - 1);
            assertThat(answer.get("type").asString()).isEqualTo("answer");
            assertThat(tokens).isNotEmpty().allSatisfy(t -> assertThat(t.get("type").asString()).isEqualTo("token"));
            String streamed = tokens.stream().map(t -> t.get("text").asString()).reduce("", String::concat);
            assertThat(streamed).isEqualTo(answer.get("answer").asString());
            assertThat(answer.get("answered").asBoolean()).isTrue();
            assertThat(answer.get("answer").asString()).containsIgnoringCase("nio");
            assertThat(answer.get("conversationId").asString()).isNotBlank();
            assertThat(answer.get("messageId").asString()).isNotBlank();
            assertThat(answer.get("sources")).anySatisfy(source -> {
                assertThat(source.get("documentId").asString()).isEqualTo("lo-lokalt-och-regionalt");
                assertThat(source.get("title").asString()).isNotBlank();
                assertThat(source.get("snippet").asString()).isNotBlank();
            });
        }
    }

    @Test
    void understandsAFollowUpInTheSameConversation() {
        try (var client = ChatSocketClient.connect(port)) {
            JsonNode first = client.answer("Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?", null);
            String conversation = first.get("conversationId").asString();

            JsonNode followUp = client.answer("Vem är ansvarig för det?", conversation);

            assertThat(followUp.get("conversationId").asString()).isEqualTo(conversation);
            assertThat(followUp.get("answered").asBoolean()).isTrue();
            assertThat(followUp.get("answer").asString()).contains("Per Ek");
        }
    }

    @Test
    void continuesTheConversationOnANewConnection() {
        String conversation;
        try (var client = ChatSocketClient.connect(port)) {
            conversation = client.answer("Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?", null)
                    .get("conversationId").asString();
        }
        try (var reconnected = ChatSocketClient.connect(port)) {
            JsonNode followUp = reconnected.answer("Vem är ansvarig för det?", conversation);

            assertThat(followUp.get("conversationId").asString()).isEqualTo(conversation);
            assertThat(followUp.get("answer").asString()).contains("Per Ek");
        }
    }

    @Test
    void anAskWithoutConversationIdContinuesTheConnectionsConversation() {
        try (var client = ChatSocketClient.connect(port)) {
            String conversation = client.answer("Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?", null)
                    .get("conversationId").asString();

            client.send("{\"type\":\"ask\",\"message\":\"Vem är ansvarig för det?\"}");
            List<JsonNode> frames = client.untilAnswerOrError();
            JsonNode followUp = frames.get(frames.size() - 1);

            assertThat(followUp.get("conversationId").asString()).isEqualTo(conversation);
            assertThat(followUp.get("answer").asString()).contains("Per Ek");
            // an explicit null starts afresh
            assertThat(client.answer("Hur många LO-distrikt finns det idag?", null).get("conversationId").asString())
                    .isNotEqualTo(conversation);
        }
    }

    @Test
    void saysPlainlyWhenTheDocumentsHoldNoAnswer() {
        try (var client = ChatSocketClient.connect(port)) {
            JsonNode answer = client.answer("Vad kostar en pizza i Katrineholm?", null);

            assertThat(answer.get("answered").asBoolean()).isFalse();
            assertThat(answer.get("sources")).isEmpty();
            assertThat(answer.get("answer").asString()).contains("020-56 00 56");
        }
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("not JSON", "Hur många LO-distrikt finns det?", "JSON"),
                Arguments.of("JSON that is not an object", "[\"ask\"]", "JSON object"),
                Arguments.of("an unknown type", "{\"type\":\"hello\",\"message\":\"hej\"}", "Unknown frame type"),
                Arguments.of("no type", "{\"message\":\"Hur många LO-distrikt finns det?\"}", "Unknown frame type"),
                Arguments.of("an empty message", "{\"type\":\"ask\",\"message\":\"   \",\"conversationId\":null}", "empty"),
                Arguments.of("a message that is not text", "{\"type\":\"ask\",\"message\":42}", "must be a string"),
                Arguments.of("a malformed conversationId", "{\"type\":\"ask\",\"message\":\"Hej\",\"conversationId\":\"<x>\"}",
                        "conversationId"),
                Arguments.of("an over-long message",
                        "{\"type\":\"ask\",\"message\":\"" + "fråga ".repeat(400) + "\",\"conversationId\":null}", "longer than"),
                Arguments.of("a frame over the size limit",
                        "{\"type\":\"ask\",\"message\":\"" + "x".repeat(5000) + "\"}", "larger than 4096 bytes"),
                Arguments.of("a huge frame, larger than the server's read buffer",
                        "{\"type\":\"ask\",\"message\":\"" + "å".repeat(200_000) + "\"}", "larger than 4096 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void answersABadFrameWithAnErrorAndStaysUsable(String kind, String frame, String expected) {
        try (var client = ChatSocketClient.connect(port)) {
            client.send(frame);

            assertThat(client.error()).contains(expected);
            assertThat(client.answer("Hur många LO-distrikt finns det idag?", null).get("answer").asString())
                    .containsIgnoringCase("nio");
        }
    }

    @Test
    void answersABinaryFrameWithAnErrorAndStaysUsable() {
        try (var client = ChatSocketClient.connect(port)) {
            client.sendBinary("{\"type\":\"ask\",\"message\":\"Hej\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(client.error()).contains("Binary frames are not accepted");
            assertThat(client.answer("Hur många LO-distrikt finns det idag?", null).get("answered").asBoolean()).isTrue();
        }
    }

    @Test
    void limitsMessagesPerMinuteOnAConnectionAndLiftsTheLimitAfterAMinute() {
        try (var client = ChatSocketClient.connect(port)) {
            for (int i = 0; i < 8; i++) {
                client.send("{\"type\":\"ping\"}");
                assertThat(client.error()).contains("Unknown frame type");
            }

            client.ask("Hur många LO-distrikt finns det idag?", null);
            assertThat(client.error()).contains("Too many messages: at most 8 a minute").contains("Vänta 60 sekunder");
            assertThat(client.isOpen()).isTrue();

            clock.advance(Duration.ofSeconds(61));
            assertThat(client.answer("Hur många LO-distrikt finns det idag?", null).get("answered").asBoolean()).isTrue();
        }
    }

    @Test
    void theLimitIsPerConnection() {
        try (var busy = ChatSocketClient.connect(port); var other = ChatSocketClient.connect(port)) {
            for (int i = 0; i < 9; i++) {
                busy.send("{\"type\":\"ping\"}");
                busy.error();
            }

            assertThat(other.answer("Hur många LO-distrikt finns det idag?", null).get("answered").asBoolean()).isTrue();
        }
    }

    @Test
    void refusesPagesFromOriginsNotAllowed() {
        assertThatThrownBy(() -> ChatSocketClient.connect(port, "https://evil.example.com"))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void letsInItsOwnPagesAndTheAllowedOrigins() {
        for (String origin : List.of("http://localhost:" + port, "https://medlem.example.se")) {
            try (var client = ChatSocketClient.connect(port, origin)) {
                assertThat(client.answer("Hur många LO-distrikt finns det idag?", null).get("answered").asBoolean())
                        .as(origin).isTrue();
            }
        }
    }
}
