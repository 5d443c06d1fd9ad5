package se.fragafacket.telegram;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for the Telegram Bot API: {@code POST /bot<token>/<method>} with the real JSON
 * ({@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":…,"description":…}}), method names
 * case-insensitive as Telegram's are. It hands out queued updates to getUpdates (holding the request for a
 * while when there are none, as long polling does), remembers every call, and can be told to fail the next
 * call of a method the way Telegram fails.
 */
final class FakeBotApi implements AutoCloseable {

    static final long BOT_ID = 7_000_000_001L;
    static final String BOT_USERNAME = "FragaFacketTestBot";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)$");

    /** One request the fake received. */
    record Call(String method, JsonNode params, long atNanos, int status) {
        String text() {
            return params.path("text").asString();
        }

        long chatId() {
            return Long.parseLong(params.path("chat_id").asString("0"));
        }
    }

    private record Failure(String method, Long chatId, int status, String body) {
    }

    private final String token;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-bot-api");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(500);
    private final AtomicInteger nextMessageId = new AtomicInteger(9000);

    private FakeBotApi(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    static FakeBotApi start(String token) {
        try {
            return new FakeBotApi(token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // --- what members send -------------------------------------------------------------------------------

    /** A member writes in a private chat (the chat id is the member's user id). */
    int text(long chatId, String text) {
        ObjectNode message = message(chatId, "private");
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
        }
        return deliver(message);
    }

    /** A member writes in a group. */
    int groupText(long chatId, String text) {
        ObjectNode message = message(chatId, "supergroup");
        message.put("text", text);
        return deliver(message);
    }

    /** A member answers one of the bot's messages in a group. */
    int groupReplyToBot(long chatId, String text) {
        ObjectNode message = message(chatId, "supergroup");
        message.put("text", text);
        ObjectNode replied = message.putObject("reply_to_message");
        replied.put("message_id", 1).put("date", 1_700_000_000);
        replied.putObject("from").put("id", BOT_ID).put("is_bot", true).put("first_name", "Fråga facket")
                .put("username", BOT_USERNAME);
        replied.putObject("chat").put("id", chatId).put("type", "supergroup").put("title", "Klubben");
        replied.put("text", "Ett tidigare svar.");
        return deliver(message);
    }

    /** A member sends a photo without words. */
    int photo(long chatId) {
        ObjectNode message = message(chatId, "private");
        ArrayNode sizes = message.putArray("photo");
        sizes.addObject().put("file_id", "AgACAgQAAxkBAAIB").put("file_unique_id", "AQADx").put("width", 90)
                .put("height", 67).put("file_size", 1234);
        sizes.addObject().put("file_id", "AgACAgQAAxkBAAIC").put("file_unique_id", "AQADy").put("width", 800)
                .put("height", 600).put("file_size", 45678);
        return deliver(message);
    }

    /** A member sends a voice message. */
    int voice(long chatId) {
        ObjectNode message = message(chatId, "private");
        message.putObject("voice").put("file_id", "AwACAgQAAxkBAAID").put("file_unique_id", "AgADz")
                .put("duration", 3).put("mime_type", "audio/ogg");
        return deliver(message);
    }

    /** An update of a kind no bot should choke on: a message that names no chat. */
    int broken() {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", nextMessageId.incrementAndGet()).put("date", 1_700_000_000).put("text", "?");
        return deliver(message);
    }

    /** The update a webhook would carry for a private text message, without queuing it. */
    String webhookUpdate(long chatId, String text) {
        ObjectNode message = message(chatId, "private");
        message.put("text", text);
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", nextUpdateId.incrementAndGet());
        update.set("message", message);
        return update.toString();
    }

    private ObjectNode message(long chatId, String type) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", nextMessageId.incrementAndGet());
        long userId = "private".equals(type) ? chatId : 424_242L;
        message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "Medlem")
                .put("language_code", "sv");
        ObjectNode chat = message.putObject("chat").put("id", chatId).put("type", type);
        if ("private".equals(type)) {
            chat.put("first_name", "Medlem");
        } else {
            chat.put("title", "Klubben");
        }
        message.put("date", 1_700_000_000);
        return message;
    }

    private synchronized int deliver(ObjectNode message) {
        ObjectNode update = JSON.createObjectNode();
        int id = nextUpdateId.incrementAndGet();
        update.put("update_id", id);
        update.set("message", message);
        updates.add(update);
        notifyAll();
        return message.path("message_id").asInt();
    }

    // --- how Telegram fails -------------------------------------------------------------------------------

    /** The next call of {@code method} (to {@code chatId}, if given) gets this status and error. */
    synchronized void failNext(String method, Long chatId, int status, String description, Integer retryAfter) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ok", false).put("error_code", status).put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        failures.add(new Failure(method.toLowerCase(Locale.ROOT), chatId, status, body.toString()));
    }

    /** The next call of {@code method} gets a proxy's error page instead of the Bot API's JSON. */
    synchronized void failNextWithPage(String method, int status) {
        failures.add(new Failure(method.toLowerCase(Locale.ROOT), null, status,
                "<html><body><h1>" + status + " Bad Gateway</h1></body></html>"));
    }

    // --- what the bot did ---------------------------------------------------------------------------------

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        String name = method.toLowerCase(Locale.ROOT);
        return calls.stream().filter(c -> c.method().equals(name)).toList();
    }

    /** The messages the bot sent to a chat, in order (only the ones Telegram accepted). */
    List<Call> messagesTo(long chatId) {
        return calls.stream().filter(c -> c.method().equals("sendmessage") && c.status() == 200 && c.chatId() == chatId)
                .toList();
    }

    /** Every sendMessage to a chat, accepted or not. */
    List<Call> sendAttempts(long chatId) {
        return calls.stream().filter(c -> c.method().equals("sendmessage") && c.chatId() == chatId).toList();
    }

    // --- the server ---------------------------------------------------------------------------------------

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) && !"GET".equals(exchange.getRequestMethod()) || !path.matches()) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            if (!path.group(1).equals(token)) {
                respond(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            String method = path.group(2).toLowerCase(Locale.ROOT);
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            JsonNode params = contentType.startsWith("multipart/form-data")
                    ? multipart(new String(raw, StandardCharsets.UTF_8))
                    : raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            Failure failure = takeFailure(method, params);
            if (failure != null) {
                calls.add(new Call(method, params, System.nanoTime(), failure.status()));
                respond(exchange, failure.status(), failure.body());
                return;
            }
            String result = switch (method) {
                case "getupdates" -> getUpdates(params);
                case "getme" -> JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true)
                        .put("first_name", "Fråga facket").put("username", BOT_USERNAME).toString();
                case "sendmessage", "editmessagetext" -> sentMessage(method, params);
                case "sendchataction", "deletewebhook", "setwebhook" -> "true";
                default -> null;
            };
            calls.add(new Call(method, params, System.nanoTime(), result == null ? 404 : 200));
            if (result == null) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}");
            } else {
                respond(exchange, 200, "{\"ok\":true,\"result\":" + result + "}");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
        }
    }

    private synchronized Failure takeFailure(String method, JsonNode params) {
        for (Iterator<Failure> it = failures.iterator(); it.hasNext(); ) {
            Failure failure = it.next();
            if (failure.method().equals(method) && (failure.chatId() == null
                    || failure.chatId() == Long.parseLong(params.path("chat_id").asString("0")))) {
                it.remove();
                return failure;
            }
        }
        return null;
    }

    /** Updates from the requested offset on; with none, waits as long polling does (capped, this being a test). */
    private synchronized String getUpdates(JsonNode params) {
        int offset = params.path("offset").asInt(0);
        long waitMillis = Math.min(params.path("timeout").asInt(0), 2) * 1000L;
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            ArrayNode result = JSON.createArrayNode();
            updates.removeIf(u -> u.path("update_id").asInt() < offset);
            updates.forEach(result::add);
            long left = deadline - System.currentTimeMillis();
            if (!result.isEmpty() || left <= 0) {
                return result.toString();
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "[]";
            }
        }
    }

    private String sentMessage(String method, JsonNode params) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", method.equals("sendmessage") ? nextMessageId.incrementAndGet()
                : params.path("message_id").asInt());
        message.putObject("from").put("id", BOT_ID).put("is_bot", true).put("first_name", "Fråga facket")
                .put("username", BOT_USERNAME);
        message.putObject("chat").put("id", Long.parseLong(params.path("chat_id").asString("0"))).put("type", "private");
        message.put("date", 1_700_000_000);
        message.put("text", params.path("text").asString());
        return message.toString();
    }

    /** The text fields of a multipart form, which is how setWebhook is sent. */
    private static ObjectNode multipart(String body) {
        ObjectNode fields = JSON.createObjectNode();
        Matcher part = Pattern.compile("name=\"([^\"]+)\"[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n(.*?)\\r\\n--", Pattern.DOTALL)
                .matcher(body);
        while (part.find()) {
            fields.put(part.group(1), part.group(2));
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            notifyAll();
        }
        server.stop(0);
        threads.shutdownNow();
    }

    static Duration between(Call first, Call second) {
        return Duration.ofNanos(second.atNanos() - first.atNanos());
    }
}
