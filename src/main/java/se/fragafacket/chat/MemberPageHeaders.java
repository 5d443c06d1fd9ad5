package se.fragafacket.chat;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers for everything members reach (the page, its files, the chat API); staff paths under
 * {@code /admin} and {@code /api/admin} set their own. The Content-Security-Policy is one the page meets:
 * scripts, styles and images from the service only, no inline code, and Trusted Types so no script can
 * write HTML from a string. Only {@code /embed}, the widget's page, may be framed, and only by the service
 * itself and the sites in {@code fraga.chat.allowed-origins}.
 */
@Component
class MemberPageHeaders extends OncePerRequestFilter {

    static final String EMBED_PATH = "/embed";
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; require-trusted-types-for 'script'; trusted-types 'none'; frame-ancestors ";

    private final String pagePolicy;
    private final String embedPolicy;

    MemberPageHeaders(ChatProperties properties) {
        this.pagePolicy = POLICY + "'none'";
        this.embedPolicy = POLICY + String.join(" ", "'self'", String.join(" ", properties.frameSources())).strip();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(EMBED_PATH)) {
            response.setHeader("Content-Security-Policy", embedPolicy);
        } else {
            response.setHeader("Content-Security-Policy", pagePolicy);
            response.setHeader("X-Frame-Options", "DENY");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        chain.doFilter(request, response);
    }
}
