package se.fragafacket.curation;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may curate: HTTP Basic on the API, a login form with CSRF on the page, members' paths untouched. */
class CurationSecurityTests extends CurationTestBase {

    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @Test
    void staffApiRefusesRequestsWithoutCredentials() throws Exception {
        for (String path : new String[] {"/api/admin/documents", "/api/admin/insights", "/api/admin/regression",
                "/api/admin/versions", "/api/admin/documents/lo-lokalt-och-regionalt"}) {
            Http.Response response = anonymous().get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(response.error()).isNotBlank();
        }
        Http.Response upload = anonymous().upload("intrang.txt", "Obehörig text om Kvarnbyträffen.".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).isEqualTo(401);
        assertThat(anonymous().delete("/api/admin/documents/lo-lokalt-och-regionalt").status()).isEqualTo(401);
        assertThat(knowledgeFiles()).doesNotContain("intrang.txt").contains("lo-lokalt-och-regionalt.txt");
    }

    @Test
    void staffApiRefusesWrongPasswordAndUnknownUser() throws Exception {
        assertThat(Http.staff(port, STAFF, "fel lösenord").get("/api/admin/documents").status()).isEqualTo(401);
        assertThat(Http.staff(port, "okand", PASSWORD).get("/api/admin/documents").status()).isEqualTo(401);
        Http.Response upload = Http.staff(port, STAFF, "fel lösenord")
                .upload("intrang.txt", "Obehörig text.".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).isEqualTo(401);
        assertThat(knowledgeFiles()).doesNotContain("intrang.txt");
    }

    @Test
    void staffApiAcceptsTheConfiguredBcryptPassword() throws Exception {
        Http.Response response = staff().get("/api/admin/documents");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().findValuesAsString("documentId")).contains("lo-lokalt-och-regionalt");
        assertThat(response.headers().firstValue("Set-Cookie")).as("stateless").isEmpty();
    }

    @Test
    void membersPathsNeedNeitherCredentialsNorCsrfTokensAndKeepTheirOwnFramingHeaders() throws Exception {
        Http.Response chat = anonymous().postJson("/api/chat", Map.of("message", "Hur många LO-distrikt finns det idag?"));
        assertThat(chat.status()).isEqualTo(200);
        assertAnswered(chat.json(), "lo-lokalt-och-regionalt", "nio");
        // the members' pages set their own framing rules: the widget's /embed may be framed, so Spring
        // Security must add no X-Frame-Options there, and its CSP is the web chat's, not the staff page's
        Http.Response embed = anonymous().get("/embed");
        assertThat(embed.status()).isEqualTo(200);
        assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(embed.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'self'").doesNotContain("frame-ancestors 'none'"));

        Http.Response health = anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");

        // feedback and the Telegram webhook belong to other features; security must not be what stops them
        Http.Response feedback = anonymous().postJson("/api/feedback",
                Map.of("conversationId", "c", "messageId", "m", "helpful", false));
        assertThat(feedback.status()).isNotIn(401, 403);
        assertThat(anonymous().postJson("/telegram/webhook", "{}").status()).isNotIn(401, 403);
        Http.Response home = anonymous().get("/");
        assertThat(home.status()).isNotIn(401, 403);
        assertThat(home.headers().allValues("X-Frame-Options")).as("the chat's own header, once").containsExactly("DENY");
    }

    @Test
    void staffPageSendsStrangersToTheLoginFormWithStrictHeaders() throws Exception {
        Http.Response page = anonymous().get("/admin");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));

        Http.Response login = anonymous().get("/admin/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("Logga in", "Användarnamn", "Lösenord");
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        Http.Response pageApi = anonymous().get("/admin/api/documents");
        assertThat(pageApi.status()).as("the page's API answers JSON, not a redirect").isEqualTo(401);
        assertThat(pageApi.error()).isNotBlank();
    }

    @Test
    void loginFormRefusesAPostWithoutItsCsrfToken() throws Exception {
        Browser browser = new Browser();
        browser.get("/admin/login");
        HttpResponse<String> login = browser.postForm("/admin/login", Map.of("username", STAFF, "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin").statusCode()).as("not logged in").isEqualTo(302);
    }

    @Test
    void loginFormRefusesAWrongPassword() throws Exception {
        Browser browser = new Browser();
        String token = token(HIDDEN_TOKEN, browser.get("/admin/login").body());
        HttpResponse<String> login = browser.postForm("/admin/login",
                Map.of("username", STAFF, "password", "fel", "_csrf", token));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login?error"));
        assertThat(browser.get("/admin/login?error").body()).contains("Fel användarnamn eller lösenord");
        assertThat(browser.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void loginFormWithItsTokenOpensThePageWhoseApiNeedsTheTokenToo() throws Exception {
        Browser browser = new Browser();
        String token = token(HIDDEN_TOKEN, browser.get("/admin/login").body());
        HttpResponse<String> login = browser.postForm("/admin/login",
                Map.of("username", STAFF, "password", PASSWORD, "_csrf", token));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));

        HttpResponse<String> page = browser.get("/admin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Provfråga", "Dokument", "Insikter", "Regressionsfrågor");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        String pageToken = token(META_TOKEN, page.body());

        assertThat(browser.get("/admin/api/documents").statusCode()).isEqualTo(200);
        String question = "{\"question\":\"Hur många LO-distrikt finns det idag?\"}";
        assertThat(browser.postJson("/admin/api/trial", question, null).statusCode()).as("no CSRF header").isEqualTo(403);
        assertThat(browser.postJson("/admin/api/trial", question, "forged").statusCode()).as("wrong token").isEqualTo(403);
        HttpResponse<String> trial = browser.postJson("/admin/api/trial", question, pageToken);
        assertThat(trial.statusCode()).isEqualTo(200);
        assertThat(trial.body()).contains("nio", "lo-lokalt-och-regionalt", "\"score\"");
    }

    private static String token(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("token in page").isTrue();
        return matcher.group(1);
    }

    /** A cookie-keeping client, as a browser would be. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postJson(String path, String json, String csrf) throws Exception {
            var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
            if (csrf != null) {
                request.header("X-CSRF-TOKEN", csrf);
            }
            return client.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
