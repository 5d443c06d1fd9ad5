package se.fragafacket.curation;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long what members asked is kept.
 *
 * @param keepQuestions insights entries (members' masked questions, answers, comments) and audit log entries older
 *                      than this are deleted
 * @param checkEvery    how often old entries are looked for (also once at start)
 */
@Validated
@ConfigurationProperties("fraga.privacy")
public record PrivacyProperties(
        @DefaultValue("90d") @NotNull Duration keepQuestions,
        @DefaultValue("1h") @NotNull Duration checkEvery) {
}
