package se.fragafacket.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.fragafacket.FragaFacketApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One instance of the whole service in the shared mode, on a random port with a data folder of its own, as a
 * real HTTP client sees it.
 */
final class Instance implements AutoCloseable {

    static final String STAFF = "personal";
    static final String PASSWORD = "delad databas";
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    final ConfigurableApplicationContext context;
    final int port;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Instance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts an instance on the database at {@code url}; {@code extra} as {@code name=value} settings. */
    static Instance start(String url, Path data, String... extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("fraga.store", "postgres");
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", TestPostgres.USER);
        properties.put("fraga.knowledge-dir", "knowledge");
        properties.put("fraga.data-dir", data.toString());
        properties.put("fraga.llm.provider", "extractive");
        properties.put("fraga.admin.username", STAFF);
        properties.put("fraga.admin.password", PASSWORD);
        // changes must arrive by notification: the periodic check would come too late for the tests
        properties.put("fraga.shared.check-interval", "1h");
        properties.put("spring.jmx.enabled", "false");
        for (String setting : extra) {
            int eq = setting.indexOf('=');
            properties.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
        return new Instance(new SpringApplicationBuilder(FragaFacketApplication.class).properties(properties).run());
    }

    JsonNode ask(String question, String conversationId) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", question);
        body.put("conversationId", conversationId);
        Response response = send(request("/api/chat").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), false);
        if (response.status() != 200) {
            throw new AssertionError("POST /api/chat: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /** The documentIds an answer to the question cites. */
    List<String> cited(String question) throws IOException, InterruptedException {
        JsonNode reply = ask(question, null);
        List<String> ids = new ArrayList<>();
        reply.path("sources").forEach(s -> ids.add(s.path("documentId").asString()));
        return reply.path("answered").asBoolean() ? ids : List.of();
    }

    Response staffGet(String path) throws IOException, InterruptedException {
        return send(request(path).GET(), true);
    }

    Response staffDelete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE(), true);
    }

    Response staffPost(String path) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()), true);
    }

    Response upload(String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "----fraga" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/api/admin/documents").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), true);
    }

    Response postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), false);
    }

    Response staffPut(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)), true);
    }

    /** Logs in on the staff page's form; returns the session cookie. */
    String login() throws IOException, InterruptedException {
        HttpResponse<String> page = client.send(request("/admin/login").GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(page);
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]+)\"").matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF field on the login page");
        }
        String form = "username=" + STAFF + "&password=" + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&" + csrf.group(1) + "=" + java.net.URLEncoder.encode(csrf.group(2), StandardCharsets.UTF_8);
        HttpResponse<String> loggedIn = client.send(request("/admin/login").header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (loggedIn.statusCode() != 302 || !loggedIn.headers().firstValue("Location").orElse("").endsWith("/admin")) {
            throw new AssertionError("login refused: " + loggedIn.statusCode() + " " + loggedIn.headers().map());
        }
        String renewed = cookie(loggedIn);
        return renewed.isEmpty() ? cookie : renewed;
    }

    /** A GET with a session cookie and no password. */
    Response getWithCookie(String path, String cookie) throws IOException, InterruptedException {
        return send(request(path).header("Cookie", cookie).GET(), false);
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .reduce((x, y) -> x + "; " + y).orElse("");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(2));
    }

    private Response send(HttpRequest.Builder request, boolean staff) throws IOException, InterruptedException {
        if (staff) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((STAFF + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    @Override
    public void close() {
        context.close();
    }
}
