package se.fragafacket.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal in the one {@code {"error": "…"}} shape, wherever it is decided: Spring Security's firewall
 * ({@code %2e%2e}, {@code //}, {@code ;}), Spring MVC's error page ({@code TRACE}, anything sent to
 * {@code /error}), and Tomcat itself, which refuses some requests before any servlet sees them ({@code %2f},
 * a bad {@code %} escape, a backslash). No message names a class or says what failed inside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The member-facing sentence for a status (Swedish, with the English in brackets). */
    static String message(int status) {
        return switch (status) {
            case 400 -> "Förfrågan kunde inte läsas. (Bad request: the address or the request is malformed.)";
            case 401 -> "Logga in först. (Log in first.)";
            case 403 -> "Det här är inte tillåtet. (Forbidden.)";
            case 404 -> "Här finns ingenting. (Nothing here.)";
            case 405 -> "Metoden är inte tillåten här. (Method not allowed here.)";
            case 408 -> "Förfrågan tog för lång tid. (Request timed out.)";
            case 413 -> "Förfrågan är för stor. (Request too large.)";
            case 414 -> "Adressen är för lång. (The address is too long.)";
            case 415 -> "Fel innehållstyp; skicka JSON. (Unsupported content type.)";
            case 429 -> "För många förfrågningar; vänta en stund. (Too many requests.)";
            case 503 -> "Tjänsten är upptagen just nu; försök igen strax. (Service busy.)";
            default -> status >= 500 ? "Något gick fel hos oss. Försök igen, eller ring 020-56 00 56. (Something went wrong on our side.)"
                    : "Förfrågan togs inte emot. (Request refused.)";
        };
    }

    static String body(int status) {
        return JSON.writeValueAsString(Map.of("error", message(status)));
    }

    /** Spring Security's firewall: a 400 in the one shape, and one log line, not a stack trace. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> {
            log.info("Request refused by the firewall: {} {}", request.getMethod(), e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(body(400));
        };
    }

    /** Replaces Spring Boot's error page (found by component scanning): whatever the method and Accept header, {@code {"error": …}}. */
    @RestController
    static class JsonErrorController implements ErrorController {

        @RequestMapping("/error")
        ResponseEntity<Map<String, String>> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer value ? value : 500;
            if (status < 400) {
                status = 500;
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", message(status)));
        }
    }

    @Bean
    @ConditionalOnClass(StandardHost.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonTomcatErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat's own refusals (before any servlet) as {@code {"error": …}} instead of its HTML page. */
    public static class JsonErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone; nothing to tell it
            }
        }
    }
}
