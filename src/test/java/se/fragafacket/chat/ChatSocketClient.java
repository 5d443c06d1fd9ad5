package se.fragafacket.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** A real WebSocket client (the JDK's) that collects the server's JSON frames in order. */
final class ChatSocketClient implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    static ChatSocketClient connect(int port, String origin) {
        var client = new ChatSocketClient();
        var builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws/chat"), client).join();
        return client;
    }

    static ChatSocketClient connect(int port) {
        return connect(port, null);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    void ask(String message, String conversationId) {
        var frame = JSON.createObjectNode().put("type", "ask").put("message", message);
        frame.put("conversationId", conversationId);
        send(JSON.writeValueAsString(frame));
    }

    /** The next frame the server sends. */
    JsonNode next() {
        try {
            JsonNode frame = frames.poll(15, TimeUnit.SECONDS);
            if (frame == null) {
                fail("no frame within 15 s" + (closed.isDone() ? "; the connection is closed" : ""));
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Frames up to and including the next answer or error frame. */
    List<JsonNode> untilAnswerOrError() {
        List<JsonNode> received = new ArrayList<>();
        while (true) {
            JsonNode frame = next();
            received.add(frame);
            String type = frame.get("type").asString();
            if (type.equals("answer") || type.equals("error")) {
                return received;
            }
        }
    }

    /** Asks and returns the answer frame, checking that only token frames came before it. */
    JsonNode answer(String message, String conversationId) {
        ask(message, conversationId);
        List<JsonNode> received = untilAnswerOrError();
        JsonNode last = received.get(received.size() - 1);
        assertThat(last.get("type").asString()).as("last frame of %s", received).isEqualTo("answer");
        assertThat(received.subList(0, received.size() - 1)).allSatisfy(
                frame -> assertThat(frame.get("type").asString()).isEqualTo("token"));
        return last;
    }

    /** The next frame, which must be an error; returns its message. */
    String error() {
        JsonNode frame = next();
        assertThat(frame.get("type").asString()).as("frame %s", frame).isEqualTo("error");
        return frame.get("error").asString();
    }

    boolean isOpen() {
        return !socket.isInputClosed() && !socket.isOutputClosed() && !closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }
}
