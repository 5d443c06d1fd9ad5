package se.fragafacket.store;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared mode's settings ({@code fraga.store=postgres}).
 *
 * @param seedDir             documents put into the store when it holds none yet (the configured knowledge folder)
 * @param checkInterval       how often an instance compares its index with the store, besides the notifications
 * @param leaderCheckInterval how often an instance that does not poll Telegram tries to become the one that does
 * @param conversationCleanup how often idle conversations are deleted from the store
 */
@ConfigurationProperties("fraga.shared")
public record SharedProperties(
        Path seedDir,
        @DefaultValue("30s") Duration checkInterval,
        @DefaultValue("2s") Duration leaderCheckInterval,
        @DefaultValue("5m") Duration conversationCleanup) {
}
