package se.fragafacket.curation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import se.fragafacket.config.AdminProperties;

/**
 * The staff page {@code /admin} and its login form, in Swedish. Both are fixed HTML with the few values they
 * need (the CSRF token, the user's name, a message) filled in escaped; the page's script
 * ({@code /admin/admin.js}) does the rest through {@code /admin/api/…}.
 */
@Controller
class AdminPages {

    private final String page;
    private final String login;
    private final AdminProperties admin;
    private final CurationProperties properties;

    AdminPages(AdminProperties admin, CurationProperties properties) {
        this.admin = admin;
        this.properties = properties;
        this.page = read("curation/admin.html");
        this.login = read("curation/login.html");
    }

    @GetMapping({"/admin", "/admin/"})
    ResponseEntity<String> page(CsrfToken csrf, Principal user) {
        return html(fill(page, Map.of(
                "csrfHeader", csrf.getHeaderName(),
                "csrfParameter", csrf.getParameterName(),
                "csrfToken", csrf.getToken(),
                "user", user.getName(),
                "maxUploadMb", String.valueOf(properties.maxUploadSize().toMegabytes()))));
    }

    @GetMapping("/admin/login")
    ResponseEntity<String> login(CsrfToken csrf, @RequestParam(required = false) String error,
                                 @RequestParam(required = false) String logout) {
        String message = !admin.configured()
                ? "Ingen personalinloggning är inställd. Den som driftar tjänsten sätter fraga.admin.username och "
                  + "fraga.admin.password och startar om den."
                : error != null ? "Fel användarnamn eller lösenord."
                : logout != null ? "Du är utloggad." : "";
        return html(fill(login, Map.of(
                "csrfParameter", csrf.getParameterName(),
                "csrfToken", csrf.getToken(),
                "message", message)));
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(body);
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            out = out.replace("{{" + value.getKey() + "}}", HtmlUtils.htmlEscape(value.getValue(), "UTF-8"));
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + resource, e);
        }
    }
}
