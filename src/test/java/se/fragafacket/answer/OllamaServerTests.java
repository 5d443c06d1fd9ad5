package se.fragafacket.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service with {@code fraga.llm.provider=ollama} against a local server speaking Ollama's {@code /api/chat}
 * (newline-delimited JSON while streaming): the model's tokens reach the member and its citation picks the source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "fraga.data-dir=target/test-data/ollama",
        "fraga.llm.provider=ollama",
        "fraga.llm.model=test-model",
        "fraga.llm.timeout=5s"})
class OllamaServerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PASSAGE = Pattern.compile("(?m)^\\[(\\d+)] (.+)\\n(?s:.*?)(?=\\n\\[\\d+] |\\z)");
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final HttpServer OLLAMA = start();

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/chat", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                REQUESTS.add(body);
                String prompt = JSON.readTree(body).path("messages").get(JSON.readTree(body).path("messages").size() - 1)
                        .path("content").asString();
                String cited = "1";
                Matcher passage = PASSAGE.matcher(prompt);
                while (passage.find()) {
                    if (passage.group().contains("nio LO-distrikt")) {
                        cited = passage.group(1);
                    }
                }
                List<String> tokens = List.of("Det finns ", "nio ", "LO-distrikt ", "i dag. [" + cited + "] ", "De är ", "olika stora.");
                exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (String token : tokens) {
                        out.write(line(token, false).getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    out.write(line("", true).getBytes(StandardCharsets.UTF_8));
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(String content, boolean done) {
        return JSON.writeValueAsString(done
                ? java.util.Map.of("model", "test-model", "created_at", "2026-11-22T20:00:00Z",
                        "message", java.util.Map.of("role", "assistant", "content", content), "done", true,
                        "done_reason", "stop", "prompt_eval_count", 10, "eval_count", 4)
                : java.util.Map.of("model", "test-model", "created_at", "2026-11-22T20:00:00Z",
                        "message", java.util.Map.of("role", "assistant", "content", content), "done", false)) + "\n";
    }

    @DynamicPropertySource
    static void modelServer(DynamicPropertyRegistry registry) {
        registry.add("fraga.llm.base-url", () -> "http://127.0.0.1:" + OLLAMA.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        OLLAMA.stop(0);
    }

    @Autowired
    AnswerService answers;

    @Test
    void streamsTheModelsTokensAndCitesThePassageItNamed() {
        List<String> tokens = new CopyOnWriteArrayList<>();

        Reply reply = answers.ask("Hur många LO-distrikt finns det idag?", null, "test", tokens::add);

        assertThat(reply.answer().answered()).isTrue();
        assertThat(reply.answer().text()).isEqualTo("Det finns nio LO-distrikt i dag. De är olika stora.");
        // a sentence at a time, each once checked against the passages
        assertThat(tokens).containsExactly("Det finns nio LO-distrikt i dag. ", "De är olika stora.");
        assertThat(reply.answer().sources()).extracting(Source::documentId).containsExactly("lo-lokalt-och-regionalt");

        JsonNode request = JSON.readTree(REQUESTS.get(REQUESTS.size() - 1));
        assertThat(request.path("model").asString()).isEqualTo("test-model");
        assertThat(request.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(request.path("messages").get(0).path("content").asString()).contains("INGET_SVAR", "020-56 00 56");
        assertThat(request.path("messages").get(1).path("content").asString())
                .contains("Hur många LO-distrikt finns det idag?", "nio LO-distrikt");
    }
}
