package se.fragafacket.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;
import se.fragafacket.limits.BucketStore;
import se.fragafacket.limits.LimitProbe;
import se.fragafacket.limits.LimitsProperties;
import se.fragafacket.limits.RateLimit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failed staff logins are counted per user name and per client address (Spring Security's authentication
 * failure events, for HTTP Basic and the login form alike). A name or an address past its limit is refused
 * with 429 and {@code Retry-After} before its password is even checked, until its window ends.
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RateLimit perUser;
    private final RateLimit perAddress;

    LoginThrottle(LimitsProperties limits, BucketStore buckets) {
        this.perUser = new RateLimit("login-user", limits.loginFailuresPerUser(), limits.loginWindow(), buckets);
        this.perAddress = new RateLimit("login-address", limits.loginFailuresPerAddress(), limits.loginWindow(), buckets);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String user = String.valueOf(event.getAuthentication().getName());
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        log.warn("Failed staff login for '{}' from {}: {}", user, address, event.getException().getClass().getSimpleName());
        perUser.tryAcquire(user.toLowerCase(java.util.Locale.ROOT));
        if (address != null) {
            perAddress.tryAcquire(address);
        }
    }

    /** Refuses a login attempt (HTTP Basic credentials, or the login form's POST) from a throttled name or address. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String user = attemptedUser(request);
                if (user != null) {
                    LimitProbe byAddress = perAddress.peek(request.getRemoteAddr());
                    LimitProbe byUser = perUser.peek(user.toLowerCase(java.util.Locale.ROOT));
                    if (!byAddress.allowed() || !byUser.allowed()) {
                        long seconds = Math.max(byAddress.retryAfterSeconds(), byUser.retryAfterSeconds());
                        log.warn("Staff login for '{}' from {} refused: too many failed logins", user, request.getRemoteAddr());
                        refuse(response, seconds);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** The user name a request tries to log in as, or null when it is no login attempt. */
    private static String attemptedUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return ""; // Spring Security refuses it; the address still counts
            }
        }
        if ("POST".equals(request.getMethod()) && "/admin/login".equals(request.getServletPath())) {
            String user = request.getParameter("username");
            return user == null ? "" : user;
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, long seconds) throws IOException {
        long minutes = (seconds + 59) / 60;
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(Map.of("error", "För många misslyckade inloggningar. Vänta "
                + minutes + (minutes == 1 ? " minut" : " minuter") + " och försök igen. (Too many failed logins: try again in "
                + seconds + " s.)")));
    }
}
