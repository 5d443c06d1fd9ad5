package se.fragafacket.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses a WebSocket handshake whose {@code Origin} is not a plain {@code http(s)://host[:port]} (e.g.
 * {@code http://a b}, {@code http://%}, {@code https://site:443.evil.example}) with 403 and one short log line,
 * before Spring's origin check, which would fail on it with a server error.
 */
final class OriginSyntax implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(OriginSyntax.class);

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws Exception {
        List<String> origins = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origins == null || origins.isEmpty()) {
            return true;
        }
        if (origins.size() == 1 && wellFormed(origins.get(0))) {
            return true;
        }
        String shown = String.join(", ", origins);
        shown = shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
        log.info("WebSocket handshake from {} refused: malformed Origin '{}'", request.getRemoteAddress(),
                shown.replaceAll("\\p{Cntrl}", "?"));
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write("{\"error\": \"Ogiltigt Origin-huvud. (Malformed Origin header.)\"}"
                .getBytes(StandardCharsets.UTF_8));
        return false;
    }

    static boolean wellFormed(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && (uri.getPort() == -1 || uri.getPort() > 0 && uri.getPort() <= 65_535);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
