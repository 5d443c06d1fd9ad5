package se.fragafacket.answer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local OpenAI-compatible server: {@code POST /v1/chat/completions} in the real JSON of the Chat
 * Completions API, a {@code chat.completion} object or, when the request says {@code "stream": true}, a
 * stream of {@code chat.completion.chunk} server-sent events ending in {@code data: [DONE]}. It records every
 * request and replies as the test tells it.
 */
final class FakeOpenAiServer implements AutoCloseable {

    /** What the model does with a request. */
    sealed interface Reply {
    }

    /** Answers with these pieces of text, streamed one event each. */
    record Tokens(List<String> pieces) implements Reply {
        Tokens(String... pieces) {
            this(List.of(pieces));
        }
    }

    /** Fails with this HTTP status and an OpenAI error object. */
    record Failure(int status) implements Reply {
    }

    /** Takes the request and never answers (until the server stops). */
    record Silence() implements Reply {
    }

    /** A request as received. */
    record Request(String method, String path, Map<String, List<String>> headers, JsonNode body) {
        List<JsonNode> messages() {
            return body.get("messages").valueStream().toList();
        }

        JsonNode lastMessage() {
            List<JsonNode> messages = messages();
            return messages.get(messages.size() - 1);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Function<Request, Reply> replies = request -> new Tokens("INGET_SVAR");

    private FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    static FakeOpenAiServer start() {
        try {
            return new FakeOpenAiServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/v1";
    }

    /** How the model replies from now on. */
    void replyWith(Function<Request, Reply> replies) {
        this.replies = replies;
    }

    void replyWith(Reply reply) {
        replyWith(request -> reply);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            var request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            if (!"POST".equals(request.method())) {
                send(exchange, 405, error("Method not allowed", "invalid_request_error"));
                return;
            }
            String id = "chatcmpl-" + ids.incrementAndGet();
            String model = body.path("model").asString("");
            switch (replies.apply(request)) {
                case Failure failure -> send(exchange, failure.status(), error("The server had an error while processing your request.", "server_error"));
                case Silence silence -> stopping.await(60, TimeUnit.SECONDS);
                case Tokens tokens when body.path("stream").asBoolean(false) -> stream(exchange, id, model, tokens.pieces());
                case Tokens tokens -> send(exchange, 200, completion(id, model, String.join("", tokens.pieces())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void stream(HttpExchange exchange, String id, String model, List<String> pieces) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        event(out, chunk(id, model, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        for (String piece : pieces) {
            event(out, chunk(id, model, JSON.createObjectNode().put("content", piece), null));
        }
        event(out, chunk(id, model, JSON.createObjectNode(), "stop"));
        ObjectNode usage = chunkBase(id, model);
        usage.putArray("choices");
        usage.set("usage", usage(pieces.size()));
        event(out, usage);
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void event(OutputStream out, JsonNode data) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode chunkBase(String id, String model) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", id).put("object", "chat.completion.chunk").put("created", System.currentTimeMillis() / 1000)
                .put("model", model).put("system_fingerprint", "fp_fake");
        return chunk;
    }

    private static ObjectNode chunk(String id, String model, ObjectNode delta, String finishReason) {
        ObjectNode chunk = chunkBase(id, model);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    private static ObjectNode completion(String id, String model, String content) {
        ObjectNode completion = JSON.createObjectNode();
        completion.put("id", id).put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000)
                .put("model", model).put("system_fingerprint", "fp_fake");
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        completion.set("usage", usage(1));
        return completion;
    }

    private static ObjectNode usage(int completionTokens) {
        return JSON.createObjectNode().put("prompt_tokens", 100).put("completion_tokens", completionTokens)
                .put("total_tokens", 100 + completionTokens);
    }

    private static ObjectNode error(String message, String type) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return error;
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
