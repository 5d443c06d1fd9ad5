package se.fragafacket.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.fragafacket.MovableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access and abuse over real HTTP on a random port, with a movable clock: staff logins throttled per user
 * and per address (HTTP Basic and the form) and audited, {@code POST /api/chat} limited with 429, malformed
 * WebSocket origins refused, every refusal in the one {@code {"error": …}} shape, invisible messages empty.
 */
@Import(MovableClock.InContext.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fraga.admin.username=personal",
        "fraga.admin.password=ratt-losen",
        "fraga.limits.http-chat-requests=3",
        "fraga.limits.http-chat-window=1m",
        "fraga.limits.login-failures-per-user=3",
        "fraga.limits.login-failures-per-address=5",
        "fraga.limits.login-window=15m"})
@ExtendWith(OutputCaptureExtension.class)
class HardeningTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String STAFF = "personal";
    private static final String PASSWORD = "ratt-losen";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("fraga.data-dir", () -> "target/test-data/hardening-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Every limit's window is over before the next test. */
    @AfterEach
    void windowsPass() {
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void wrongBasicPasswordsThrottleTheUserEvenWithTheRightPasswordUntilTheWindowEnds() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(basic("/api/admin/documents", STAFF, "fel-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = basic("/api/admin/documents", STAFF, PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(error(throttled)).contains("För många misslyckade inloggningar", "15 minuter", "Too many failed logins");

        clock.advance(Duration.ofMinutes(14));
        assertThat(basic("/api/admin/documents", STAFF, PASSWORD).statusCode()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1));
        assertThat(basic("/api/admin/documents", STAFF, PASSWORD).statusCode()).isEqualTo(200);

        JsonNode audit = JSON.readTree(basic("/api/admin/audit", STAFF, PASSWORD).body());
        List<JsonNode> logins = audit.valueStream().filter(e -> e.get("action").asString().equals("login")).toList();
        assertThat(logins.stream().filter(e -> e.get("outcome").asString().equals("refused")).count()).isGreaterThanOrEqualTo(3);
        assertThat(logins).anySatisfy(e -> {
            assertThat(e.get("outcome").asString()).isEqualTo("ok");
            assertThat(e.get("user").asString()).isEqualTo(STAFF);
            assertThat(e.get("detail").asString()).contains("127.0.0.1");
        });
    }

    @Test
    void failuresUnderManyNamesThrottleTheAddress() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(basic("/api/admin/documents", "gissning" + i, "fel").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = basic("/api/admin/documents", STAFF, PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.send(HttpRequest.newBuilder(uri("/api/admin/documents")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("no credentials: no login attempt").isEqualTo(401);
    }

    @Test
    void wrongPasswordsInTheLoginFormAreThrottledToo() throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> login = form(browser, STAFF, "fel");
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
        }

        HttpResponse<String> throttled = form(browser, STAFF, PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(error(throttled)).contains("Vänta 15 minuter");

        clock.advance(Duration.ofMinutes(15));
        HttpResponse<String> login = form(browser, STAFF, PASSWORD);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID")
                .containsIgnoringCase("SameSite=Strict").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void theHttpChatIsLimitedPerAddressWith429AndRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(chat("{\"message\":\"Hur många LO-distrikt finns det idag?\"}").statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(20));

        HttpResponse<String> refused = chat("{\"message\":\"Hur många LO-distrikt finns det idag?\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("40");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(error(refused)).contains("Vänta 40 sekunder", "Too many questions");

        clock.advance(Duration.ofSeconds(40));
        assertThat(chat("{\"message\":\"Hur många LO-distrikt finns det idag?\"}").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00a0\u00a0\u00a0", "\u200b\u200c\u200d", "\u00a0\u2060\ufeff\u202f", "\u3000\u2007 \t"})
    void aMessageOfOnlyInvisibleCharactersIsEmpty(String message) throws Exception {
        HttpResponse<String> response = chat(JSON.writeValueAsString(Map.of("message", message)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("The message is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://a b", "http://%", "https://medlem.example.se:443.evil.example", "http://user@localhost",
            "javascript:alert(1)", "http://[::1", "https://localhost:99999"})
    void aMalformedOriginGets403AndOneShortLogLine(String origin, CapturedOutput output) throws Exception {
        int before = output.getAll().split("\n").length;

        String response = raw("GET /ws/chat HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: " + origin + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 403");
        String[] lines = output.getAll().split("\n");
        List<String> logged = List.of(lines).subList(before, lines.length);
        assertThat(logged.stream().filter(line -> line.contains("Origin"))).hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("malformed Origin"));
        assertThat(logged).noneSatisfy(line -> assertThat(line).containsAnyOf("Exception", "\tat ", "ERROR"));
    }

    @Test
    void aWellFormedOriginOfTheServiceItselfStillOpensTheWebSocket() throws Exception {
        String response = raw("GET /ws/chat HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: http://localhost:" + port + "\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 101");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /a%2fb HTTP/1.1", "GET /% HTTP/1.1", "GET /a\\b HTTP/1.1", "GET /api/%00 HTTP/1.1",
            "GET /%2e%2e/x HTTP/1.1", "GET /x/%2e%2e/api/chat HTTP/1.1", "GET /a//b HTTP/1.1", "GET /api/chat;x=1 HTTP/1.1",
            "TRACE / HTTP/1.1", "GET /finns-inte HTTP/1.1", "DELETE /api/chat HTTP/1.1", "GET /api/chat%0a HTTP/1.1"})
    void everyRefusedRequestAnswersInTheOneErrorShape(String requestLine) throws Exception {
        String response = raw(requestLine + "\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

        int status = Integer.parseInt(response.substring(9, 12));
        assertThat(status).isBetween(400, 499);
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        assertThat(head).containsIgnoringCase("Content-Type: application/json");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
        }
        JsonNode json = JSON.readTree(body);
        assertThat(json.propertyNames()).containsExactly("error");
        assertThat(json.get("error").asString()).isNotBlank().doesNotContain("Exception", "org.", "java.");
    }

    private HttpResponse<String> basic(String path, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(HttpClient browser, String user, String password) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(uri("/admin/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = HIDDEN_TOKEN.matcher(page);
        assertThat(token.find()).isTrue();
        String body = Map.of("username", user, "password", password, "_csrf", token.group(1)).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri("/admin/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> chat(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request written by hand, as a client that does not clean up its addresses would send it. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            var received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                received.write(buffer, 0, n);
                String text = received.toString(StandardCharsets.UTF_8);
                if (text.startsWith("HTTP/1.1 101") && text.contains("\r\n\r\n")) {
                    break;
                }
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static String error(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("error").asString();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
