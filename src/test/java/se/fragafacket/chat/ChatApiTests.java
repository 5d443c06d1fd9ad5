package se.fragafacket.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.fragafacket.answer.AnswerService;
import se.fragafacket.ServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/chat} and health over real HTTP, as the contract words them. */
@ServiceTest
class ChatApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    AnswerService answers;

    @LocalServerPort
    int port;

    private record Answer(int status, String contentType, JsonNode body) {
    }

    private Answer post(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer ask(String message, String conversationId) throws IOException, InterruptedException {
        var request = new java.util.LinkedHashMap<String, Object>();
        request.put("message", message);
        request.put("conversationId", conversationId);
        return post(JSON.writeValueAsString(request));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    @Test
    void answersAQuestionWithTheContractsFields() throws Exception {
        Answer answer = ask("Hur många LO-distrikt finns det idag?", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode body = answer.body();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("conversationId", "messageId", "answered", "answer", "sources");
        assertThat(body.get("conversationId").asString()).isNotBlank();
        assertThat(body.get("messageId").asString()).isNotBlank();
        assertThat(body.get("answered").isBoolean()).isTrue();
        assertThat(body.get("answered").asBoolean()).isTrue();
        assertThat(body.get("answer").asString()).contains("nio");
        assertThat(body.get("sources").isArray()).isTrue();
        JsonNode source = body.get("sources").get(0);
        assertThat(source.propertyNames()).containsExactlyInAnyOrder("documentId", "title", "snippet");
        assertThat(source.get("documentId").asString()).isEqualTo("lo-lokalt-och-regionalt");
        assertThat(source.get("title").asString()).isNotBlank();
        assertThat(source.get("snippet").asString()).contains("nio LO-distrikt");
    }

    @Test
    void continuesAConversationByItsId() throws Exception {
        Answer first = ask("Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?", null);
        String conversation = first.body().get("conversationId").asString();

        Answer second = ask("Vem är ansvarig för det?", conversation);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("conversationId").asString()).isEqualTo(conversation);
        assertThat(second.body().get("messageId").asString()).isNotEqualTo(first.body().get("messageId").asString());
        assertThat(second.body().get("answer").asString()).contains("Per Ek");
    }

    @Test
    void answersAPastedParagraphOfManyDifferentWordsWithoutFailing() throws Exception {
        StringBuilder paragraph = new StringBuilder("Hej! Jag undrar över ");
        String[] words = Files.readString(Path.of("knowledge/uppdragsbeskrivning-ledamot-lo-facken.txt"))
                .split("[^\\p{L}]+");
        for (int i = 0; paragraph.length() < 1_900 && i < words.length; i++) {
            paragraph.append(words[i]).append(' ');
        }
        assertThat(paragraph.toString().split(" ")).hasSizeGreaterThan(150);

        Answer answer = ask(paragraph.toString().strip(), null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("answer").asString()).isNotBlank();
    }

    @Test
    void aConversationOfAnotherChannelCannotBeReadThroughTheApi() throws Exception {
        // a Telegram chat's conversation id is easy to guess; the API keeps its own conversations
        String question = "Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?";
        answers.ask(question, "telegram-424242", "telegram", token -> {
        });

        Answer followUp = ask("Vem är ansvarig för det?", "telegram-424242");

        assertThat(followUp.status()).isEqualTo(200);
        assertThat(followUp.body().get("answer").asString()).doesNotContain("Per Ek");
    }

    @Test
    void aNewConversationGetsItsOwnId() throws Exception {
        String one = ask("Hur många LO-distrikt finns det idag?", null).body().get("conversationId").asString();
        String two = ask("Hur många LO-distrikt finns det idag?", null).body().get("conversationId").asString();

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void saysPlainlyWhenTheDocumentsHoldNoAnswer() throws Exception {
        Answer answer = ask("Vad kostar en pizza i Katrineholm?", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("answered").asBoolean()).isFalse();
        assertThat(answer.body().get("sources").isArray()).isTrue();
        assertThat(answer.body().get("sources").isEmpty()).isTrue();
        assertThat(answer.body().get("answer").asString()).contains("020-56 00 56");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"message\": \"\", \"conversationId\": null}",
            "{\"message\": \"   \\n  \"}",
            "{\"conversationId\": null}",
            "{\"message\": null}",
            "{}",
            "{\"message\": \"Hur många LO-distrikt finns det?\"",
            "message=Hur+många",
            "[\"Hur många LO-distrikt finns det?\"]",
            "\"Hur många LO-distrikt finns det?\"",
            "{\"message\": 123}",
            "{\"message\": 12.5}",
            "{\"message\": true}",
            "{\"message\": [\"Hur många LO-distrikt finns det?\"]}",
            "{\"message\": {\"text\": \"Hur många LO-distrikt finns det?\"}}",
            "{\"message\": \"Hur många LO-distrikt finns det?\", \"conversationId\": 42}",
            "{\"message\": \"Hur många LO-distrikt finns det?\", \"conversationId\": \"<script>alert(1)</script>\"}",
            "{\"message\": \"Hur många LO-distrikt finns det?\", \"conversationId\": \"a b\"}",
            "{\"message\": \"Hur många LO-distrikt finns det?\", \"conversationId\": \"\"}"})
    void refusesBadInputWithA400AndAPlainError(String body) throws Exception {
        Answer answer = post(body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body().propertyNames()).containsExactly("error");
        assertThat(answer.body().get("error").asString()).isNotBlank();
    }

    @Test
    void refusesAMessageOverTwoThousandCharactersButTakesOneOfExactlyTwoThousand() throws Exception {
        String question = "Hur många LO-distrikt finns det idag? ";
        String exactly = question.repeat(2000 / question.length() + 1).substring(0, 2000);

        Answer over = ask(exactly + "x", null);
        Answer limit = ask(exactly, null);

        assertThat(over.status()).isEqualTo(400);
        assertThat(over.body().get("error").asString()).contains("2000");
        assertThat(limit.status()).isEqualTo(200);
    }

    @Test
    void refusesAConversationIdLongerThanAHundredCharacters() throws Exception {
        assertThat(ask("Hur många LO-distrikt finns det?", "a".repeat(101)).status()).isEqualTo(400);
    }

    @Test
    void keepsAValidConversationAfterABadRequestInIt() throws Exception {
        String conversation = ask("Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?", null)
                .body().get("conversationId").asString();

        assertThat(ask("x".repeat(2001), conversation).status()).isEqualTo(400);
        assertThat(ask("", conversation).status()).isEqualTo(400);
        Answer followUp = ask("Vem är ansvarig för det?", conversation);

        assertThat(followUp.status()).isEqualTo(200);
        assertThat(followUp.body().get("answer").asString()).contains("Per Ek");
    }

    @Test
    void answersOtherMethodsAndMediaTypesWithAJsonError() throws Exception {
        Answer get = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat")).GET());
        Answer text = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Hur många LO-distrikt finns det?")));

        assertThat(get.status()).isEqualTo(405);
        assertThat(get.body().get("error").asString()).isNotBlank();
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.body().get("error").asString()).isNotBlank();
    }

    @Test
    void healthIsUpOnceTheKnowledgeBaseIsIndexed() throws Exception {
        Answer health = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).GET());

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void readsTheRequestAsUtf8() throws Exception {
        Answer answer = post(JSON.writeValueAsString(Map.of("message", "Vilket telefonnummer har Berit Örtell?")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("answer").asString()).contains("0150-732 56");
    }
}
