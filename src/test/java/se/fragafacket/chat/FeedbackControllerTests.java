package se.fragafacket.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import se.fragafacket.answer.FeedbackGiven;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(FeedbackController.class)
@Import(FeedbackControllerTests.FixedClock.class)
@RecordApplicationEvents
class FeedbackControllerTests {

    static final Instant NOW = Instant.parse("2026-05-01T10:15:30Z");

    @TestConfiguration
    @EnableConfigurationProperties(ChatProperties.class)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    @Test
    void publishesTheVerdictAndAnswersNoContent() {
        assertThat(mvc.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON).content("""
                {"conversationId":"c-1","messageId":"m-1","helpful":false,"comment":"  Svaret saknade datumet.  "}
                """)).hasStatus(204).body().isEmpty();

        assertThat(events.stream(FeedbackGiven.class))
                .containsExactly(new FeedbackGiven("c-1", "m-1", false, "Svaret saknade datumet.", NOW));
    }

    @Test
    void takesFeedbackWithoutAComment() {
        assertThat(mvc.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .content("{\"conversationId\":\"c-1\",\"messageId\":\"m-1\",\"helpful\":true}")).hasStatus(204);

        assertThat(events.stream(FeedbackGiven.class)).containsExactly(new FeedbackGiven("c-1", "m-1", true, "", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"messageId\":\"m-1\",\"helpful\":true}",
            "{\"conversationId\":\"c-1\",\"helpful\":true}",
            "{\"conversationId\":\"c-1\",\"messageId\":\"m-1\"}",
            "{\"conversationId\":\"\",\"messageId\":\"m-1\",\"helpful\":true}",
            "{\"conversationId\":\"c 1 <script>\",\"messageId\":\"m-1\",\"helpful\":true}",
            "{\"conversationId\":\"c-1\",\"messageId\":\"m-1\",\"helpful\":\"yes\"}",
            "{\"conversationId\":\"c-1\",\"messageId\":\"m-1\",\"helpful\":1}",
            "{\"conversationId\":[\"c-1\"],\"messageId\":\"m-1\",\"helpful\":true}",
            "{\"conversationId\":\"c-1\",\"messageId\":{},\"helpful\":true}",
            "{\"conversationId\":\"c-1\",\"messageId\":\"m-1\",\"helpful\":true,\"comment\":5}",
            "{\"conversationId\":\"c-1\",",
            "null",
            "[]"})
    void refusesMalformedFeedbackWithAPlainError(String body) {
        assertThat(mvc.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON).content(body))
                .hasStatus(400).bodyJson().extractingPath("$.error").asString().isNotBlank();

        assertThat(events.stream(FeedbackGiven.class)).isEmpty();
    }

    @Test
    void refusesACommentOverTheLimit() {
        String comment = "a".repeat(1001);

        assertThat(mvc.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .content("{\"conversationId\":\"c-1\",\"messageId\":\"m-1\",\"helpful\":false,\"comment\":\"" + comment + "\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.error").asString().contains("at most 1000 characters");
        assertThat(events.stream(FeedbackGiven.class)).isEmpty();
    }
}
