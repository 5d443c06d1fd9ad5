package se.fragafacket.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import se.fragafacket.answer.AnswerProperties;
import se.fragafacket.answer.AnswerService;
import se.fragafacket.answer.InvalidQuestionException;
import se.fragafacket.answer.Reply;
import se.fragafacket.limits.BucketStore;
import se.fragafacket.limits.LimitProbe;
import se.fragafacket.limits.RateLimit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /ws/chat}: takes {@code ask} frames, streams the answer back as {@code token} frames and one
 * {@code answer} frame. Anything else gets an {@code error} frame and the connection stays open.
 * <p>
 * Questions are answered on virtual threads, one at a time per connection, so a slow model server never
 * holds a WebSocket I/O thread; frames are sent through a {@link ConcurrentWebSocketSessionDecorator}.
 * An {@code ask} without a {@code conversationId} field continues the connection's conversation; an
 * explicit {@code null} starts a new one.
 */
@Component
final class ChatSocketHandler extends AbstractWebSocketHandler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final String ASK_EXAMPLE = "{\"type\":\"ask\",\"message\":\"…\",\"conversationId\":null}";

    private final AnswerService answers;
    private final ChatProperties properties;
    private final String helpLine;
    private final JsonMapper json;
    private final RateLimit frameRate;
    private final Map<String, ChatConnection> connections = new ConcurrentHashMap<>();
    private final ExecutorService answering = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;

    ChatSocketHandler(AnswerService answers, ChatProperties properties, AnswerProperties answerProperties,
                      JsonMapper json, BucketStore buckets) {
        this.answers = answers;
        this.properties = properties;
        this.helpLine = answerProperties.helpLine();
        this.json = json;
        this.frameRate = new RateLimit("ws-frames", properties.messagesPerMinute(), Duration.ofMinutes(1), buckets);
    }

    record Token(String type, String text) {
        Token(String text) {
            this("token", text);
        }
    }

    record Error(String type, String error) {
        Error(String error) {
            this("error", error);
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        // parts arrive as read, so an over-long frame is counted and dropped instead of closing the connection
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        var safe = new ConcurrentWebSocketSessionDecorator(session, (int) properties.sendTimeout().toMillis(),
                (int) properties.sendBufferSize().toBytes());
        connections.put(session.getId(), new ChatConnection(safe, new MessageRate(frameRate, session.getId()),
                properties.maxFrameSize().toBytes()));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        ChatConnection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        ChatConnection.Frame frame = connection.textPart(message.getPayload(), message.isLast());
        if (frame == null || !withinRate(connection)) {
            return;
        }
        if (frame.tooLarge()) {
            error(connection, "Meddelandet är för stort: högst " + properties.maxFrameSize().toBytes()
                    + " byte. (The frame is larger than " + properties.maxFrameSize().toBytes() + " bytes.)");
            return;
        }
        receive(connection, frame.text());
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        ChatConnection connection = connections.get(session.getId());
        if (connection != null && message.isLast() && withinRate(connection)) {
            error(connection, "Skicka frågan som text. (Binary frames are not accepted; send JSON text like "
                    + ASK_EXAMPLE + ".)");
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("WebSocket {} failed", session.getId(), exception);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        connections.remove(session.getId());
    }

    private boolean withinRate(ChatConnection connection) {
        LimitProbe probe = connection.rate.tryAcquire();
        if (probe.allowed()) {
            return true;
        }
        error(connection, "Du har skickat för många meddelanden. Vänta " + probe.retryAfterSeconds()
                + " sekunder och försök igen. (Too many messages: at most " + properties.messagesPerMinute()
                + " a minute.)");
        return false;
    }

    private void receive(ChatConnection connection, String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JacksonException e) {
            error(connection, "Meddelandet gick inte att läsa. (The frame must be JSON like " + ASK_EXAMPLE + ".)");
            return;
        }
        if (frame == null || !frame.isObject()) {
            error(connection, "Meddelandet gick inte att läsa. (The frame must be a JSON object like " + ASK_EXAMPLE + ".)");
            return;
        }
        JsonNode type = frame.get("type");
        if (type == null || !type.isString() || !type.asString().equals("ask")) {
            error(connection, "Okänd typ av meddelande. (Unknown frame type: the only frame taken is " + ASK_EXAMPLE + ".)");
            return;
        }
        JsonNode message = frame.get("message");
        if (message != null && !message.isString() && !message.isNull()) {
            error(connection, "Frågan måste vara text. (\"message\" must be a string.)");
            return;
        }
        JsonNode conversation = frame.get("conversationId");
        if (conversation != null && !conversation.isString() && !conversation.isNull()) {
            error(connection, "Ogiltigt conversationId. (\"conversationId\" must be a string or null.)");
            return;
        }
        String conversationId = conversation == null ? connection.conversationId()
                : conversation.isNull() ? null : conversation.asString();
        if (!connection.answering.compareAndSet(false, true)) {
            error(connection, "Vänta tills svaret är klart innan du frågar igen. (One question at a time: "
                    + "the answer to the last one is still coming.)");
            return;
        }
        String question = message == null || message.isNull() ? null : message.asString();
        answering.execute(() -> answer(connection, question, conversationId));
    }

    private void answer(ChatConnection connection, String question, String conversationId) {
        Object last;
        try {
            Reply reply = answers.ask(question, conversationId, "web", token -> send(connection, new Token(token)));
            connection.conversationId(reply.conversationId());
            ObjectNode frame = json.createObjectNode();
            frame.put("type", "answer");
            frame.setAll((ObjectNode) json.valueToTree(ChatResponse.of(reply)));
            last = frame;
        } catch (InvalidQuestionException e) {
            last = new Error(e.getMessage());
        } catch (RuntimeException e) {
            log.error("Answering on WebSocket {} failed", connection.session.getId(), e);
            last = new Error("Något gick fel hos oss. Försök igen, eller ring " + helpLine
                    + ". (Something went wrong on our side.)");
        } finally {
            // free before the last frame goes out, so a client may ask again as soon as it has it
            connection.answering.set(false);
        }
        send(connection, last);
    }

    private void error(ChatConnection connection, String message) {
        send(connection, new Error(message));
    }

    private void send(ChatConnection connection, Object frame) {
        if (!connection.session.isOpen()) {
            return;
        }
        try {
            connection.session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
        } catch (IOException | SessionLimitExceededException | IllegalStateException e) {
            // the member went away or is too slow to read (the decorator then closes the connection)
            log.debug("Could not send on WebSocket {}: {}", connection.session.getId(), e.toString());
        }
    }

    /** Tells open connections the service is going away before the server's graceful shutdown waits for them. */
    @Override
    public void stop() {
        running = false;
        disconnectAll();
    }

    /** Closes every member's connection as "going away"; the page reconnects by itself. */
    void disconnectAll() {
        for (ChatConnection connection : connections.values()) {
            try {
                connection.session.close(CloseStatus.GOING_AWAY);
            } catch (IOException e) {
                log.debug("Closing WebSocket {} failed: {}", connection.session.getId(), e.toString());
            }
        }
    }

    /** Lets answers under way finish (briefly) when the application context closes. */
    @PreDestroy
    void close() throws InterruptedException {
        answering.shutdown();
        answering.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
