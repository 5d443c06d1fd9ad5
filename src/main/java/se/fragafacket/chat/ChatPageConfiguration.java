package se.fragafacket.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;
import se.fragafacket.answer.AnswerProperties;

/**
 * The members' page is {@code static/index.html} at {@code /}; {@code /embed} serves the same page for the
 * widget's frame, where it shows itself compactly. The widget says which site it is on
 * ({@code /embed?origin=https://…}): on a site not in {@code fraga.chat.allowed-origins} the frame gets a
 * plain message instead of a page the browser refuses to show, and the log says which origin to allow.
 * (A site that lies about its origin only gets the chat page, which its browser still refuses to frame.)
 */
@Controller
class ChatPageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChatPageConfiguration.class);
    /** A concrete origin as a browser sends it: scheme, host, optional port. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:\\d{1,5})?");
    /** Origins already named in the log, so that made-up ones cannot flood it. */
    private static final int LOGGED_MAX = 100;

    private final ChatProperties properties;
    private final String helpLine;
    private final CorsConfiguration allowed = new CorsConfiguration();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    ChatPageConfiguration(ChatProperties properties, AnswerProperties answers) {
        this.properties = properties;
        this.helpLine = answers.helpLine();
        allowed.setAllowedOriginPatterns(properties.originPatterns());
    }

    @GetMapping(MemberPageHeaders.EMBED_PATH)
    void embed(@RequestParam(name = "origin", required = false) String origin,
               @RequestParam(name = "lang", required = false) String lang,
               HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (origin != null && ORIGIN.matcher(origin).matches() && !allowed(origin, request)) {
            refused(origin, "en".equals(lang), response);
            return;
        }
        request.getRequestDispatcher("/index.html").forward(request, response);
    }

    private boolean allowed(String origin, HttpServletRequest request) {
        String own = ServletUriComponentsBuilder.fromContextPath(request).replacePath(null).replaceQuery(null)
                .build().toUriString();
        return origin.equalsIgnoreCase(own) || allowed.checkOrigin(origin) != null;
    }

    private void refused(String origin, boolean english, HttpServletResponse response) throws IOException {
        if (logged.size() < LOGGED_MAX && logged.add(origin)) {
            log.warn("The chat widget was opened on {}, which may not show it: add that origin to "
                    + "fraga.chat.allowed-origins (now {}) and restart", origin,
                    properties.allowedOrigins().isEmpty() ? "empty" : String.join(",", properties.allowedOrigins()));
        }
        String title = english ? "The chat cannot be shown on this site yet" : "Chatten kan inte visas på den här webbplatsen än";
        String text = english
                ? "This site has not been given access to Fråga facket's chat. You can open the chat on its own page, or call us."
                : "Den här webbplatsen har inte fått tillgång till Fråga fackets chatt. Du kan öppna chatten på en egen sida, eller ringa oss.";
        String open = english ? "Open the chat" : "Öppna chatten";
        String call = english ? "Talk to a person:" : "Prata med en människa:";
        String home = ServletUriComponentsBuilder.fromCurrentContextPath().path("/").query(english ? "lang=en" : null)
                .build().toUriString();
        String html = """
                <!doctype html>
                <html lang="%s">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="color-scheme" content="light dark">
                  <title>Fråga facket</title>
                  <link rel="stylesheet" href="/chat.css">
                </head>
                <body class="embedded">
                <main class="main blocked" id="main">
                  <h1>%s</h1>
                  <p>%s</p>
                  <p><a class="button button-primary" href="%s" target="_blank" rel="noopener">%s</a></p>
                  <p>%s <a class="helpline-number" href="tel:%s">%s</a></p>
                </main>
                </body>
                </html>
                """.formatted(english ? "en" : "sv", escape(title), escape(text), escape(home), escape(open),
                escape(call), escape(helpLine.replaceAll("[^0-9+]", "")), escape(helpLine));
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        // only this harmless page may be framed there: nothing on it acts for the member
        response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'none'; "
                + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors " + origin);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
