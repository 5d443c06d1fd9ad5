package se.fragafacket.config;

import java.net.URI;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where members reach the service from outside.
 *
 * @param publicUrl the service's public address ({@code https://fraga.example.se}); where set, the Telegram bot
 *                  links each source to its document page there, and the start-up log names it. None by default.
 */
@ConfigurationProperties("fraga")
@Validated
public record PublicSiteProperties(URI publicUrl) {

    @AssertTrue(message = "fraga.public-url must be an http(s) address such as https://fraga.example.se")
    boolean isPublicUrlSane() {
        return publicUrl == null || publicUrl.isAbsolute() && publicUrl.getHost() != null
                && ("https".equals(publicUrl.getScheme()) || "http".equals(publicUrl.getScheme()))
                && publicUrl.getQuery() == null && publicUrl.getFragment() == null;
    }

    /** The address without a trailing slash, or null when none is set. */
    public String base() {
        if (publicUrl == null) {
            return null;
        }
        String text = publicUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Where a document's page is, or null when the public address is not set. */
    public String documentPage(String documentId) {
        return publicUrl == null ? null
                : base() + "/dokument/" + org.springframework.web.util.UriUtils.encodePathSegment(documentId,
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
