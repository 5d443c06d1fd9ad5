package se.fragafacket.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import se.fragafacket.limits.BucketStore;
import se.fragafacket.limits.LimitsProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what, in three filter chains:
 * <ul>
 *   <li>{@code /api/admin/**}: the staff API, HTTP Basic, role STAFF, stateless, no CSRF (no cookies to forge);</li>
 *   <li>{@code /admin/**}: the staff page, a login form, a session, CSRF tokens, and strict headers;</li>
 *   <li>everything else (members' chat, WebSocket, Telegram webhook, health, static files): open, no CSRF,
 *       and no X-Frame-Options or Content-Security-Policy of Spring Security's, since those pages set their own.</li>
 * </ul>
 * The staff account comes from {@code fraga.admin.username}/{@code fraga.admin.password}; without one,
 * curation answers 503 and the log says how to set it.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String STAFF = "STAFF";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final Pattern ENCODED = Pattern.compile("^\\{[^}]+}.+");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAGE_POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'";
    private static final String NO_ACCOUNT = "Curation is switched off: no staff account is set. Set fraga.admin.username "
            + "and fraga.admin.password (FRAGA_ADMIN_USERNAME / FRAGA_ADMIN_PASSWORD; a plain password or a {bcrypt} hash) and restart.";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService staffAccounts(AdminProperties admin, PasswordEncoder encoder) {
        if (!admin.configured()) {
            log.warn(NO_ACCOUNT + " Members' chat works as usual.");
            return new InMemoryUserDetailsManager();
        }
        String password = ENCODED.matcher(admin.password()).matches() ? admin.password() : encoder.encode(admin.password());
        log.info("Staff account '{}' may curate the knowledge base at /admin and /api/admin", admin.username());
        return new InMemoryUserDetailsManager(User.withUsername(admin.username()).password(password).roles(STAFF).build());
    }

    @Bean
    LoginThrottle loginThrottle(LimitsProperties limits, BucketStore buckets) {
        return new LoginThrottle(limits, buckets);
    }

    @Bean
    @Order(1)
    SecurityFilterChain staffApi(HttpSecurity http, AdminProperties admin, LoginThrottle throttle) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (admin.configured()) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Fraga facket staff\"");
                error(response, HttpStatus.UNAUTHORIZED, "Log in with a staff account (HTTP Basic).");
            } else {
                error(response, HttpStatus.SERVICE_UNAVAILABLE, NO_ACCOUNT);
            }
        };
        return http.securityMatcher("/api/admin/**")
                .addFilterBefore(throttle.filter(), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(STAFF))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(forbidden("This needs a staff account.")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain staffPage(HttpSecurity http, AdminProperties admin, LoginThrottle throttle) throws Exception {
        var pageApi = PathPatternRequestMatcher.withDefaults().matcher("/admin/api/**");
        AuthenticationEntryPoint pageApiEntryPoint = (request, response, e) -> {
            if (admin.configured()) {
                error(response, HttpStatus.UNAUTHORIZED, "Du är inte inloggad längre. Ladda om sidan och logga in. (Not logged in.)");
            } else {
                error(response, HttpStatus.SERVICE_UNAVAILABLE, NO_ACCOUNT);
            }
        };
        return http.securityMatcher("/admin", "/admin/**")
                .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/login", "/admin/admin.css").permitAll()
                        .anyRequest().hasRole(STAFF))
                .formLogin(form -> form.loginPage("/admin/login")
                        .defaultSuccessUrl("/admin", true)
                        .failureUrl("/admin/login?error"))
                .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(pageApiEntryPoint, pageApi)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/admin/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(forbidden(
                                "Sidan behöver laddas om (säkerhetstoken saknas eller är för gammal). (Missing or stale CSRF token.)"), pageApi))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain members(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                // the members' pages set their own framing and content policies (the chat widget may be framed)
                .headers(headers -> headers.frameOptions(frame -> frame.disable()))
                .build();
    }

    private static AccessDeniedHandler forbidden(String message) {
        return (request, response, e) -> error(response, HttpStatus.FORBIDDEN, message);
    }

    private static void error(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(Map.of("error", message)));
    }
}
