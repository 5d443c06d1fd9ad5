package se.fragafacket.curation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Staff logins in the audit log, from Spring Security's authentication events: every failed one, and a
 * successful one once an hour per name and address (an HTTP Basic client authenticates on every call).
 */
@Component
class LoginAudit {

    private static final Logger log = LoggerFactory.getLogger(LoginAudit.class);
    private static final Duration BASIC_EVERY = Duration.ofHours(1);

    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Instant> basicSeen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > 1000;
        }
    };

    LoginAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        record(event.getAuthentication(), "refused", "wrong user name or password");
    }

    @EventListener
    void authenticated(AuthenticationSuccessEvent event) {
        String key = event.getAuthentication().getName() + "@" + address(event.getAuthentication());
        Instant now = clock.instant();
        synchronized (basicSeen) {
            Instant last = basicSeen.get(key);
            if (last != null && last.plus(BASIC_EVERY).isAfter(now)) {
                return;
            }
            basicSeen.put(key, now);
        }
        record(event.getAuthentication(), "ok", "logged in");
    }

    private void record(Authentication authentication, String outcome, String how) {
        try {
            audit.record(String.valueOf(authentication.getName()), "login", null, null, outcome,
                    how + ", from " + address(authentication));
        } catch (RuntimeException e) {
            // the audit log failing must not turn a login into a server error; say so loudly
            log.error("Could not audit a staff login: {}", e.toString());
        }
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "?";
    }
}
