package se.fragafacket.limits;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the HTTP chat and of staff logins (the web chat's are {@code fraga.chat.messages-per-minute}, the
 * bot's {@code fraga.telegram.rate-limit}/{@code rate-limit-window}; all count in the same {@link BucketStore}).
 *
 * @param httpChatRequests        {@code POST /api/chat} requests one client address may make per {@code httpChatWindow}
 * @param httpChatWindow          the window they are counted in
 * @param loginFailuresPerUser    failed staff logins to one user name per {@code loginWindow}; then that name is
 *                                refused (429) until the window ends, right password or not
 * @param loginFailuresPerAddress failed staff logins from one client address per {@code loginWindow}
 * @param loginWindow             the window failed logins are counted in
 * @param maxKeys                 buckets kept in memory (addresses, connections, chats); the least recently used go first
 */
@Validated
@ConfigurationProperties("fraga.limits")
public record LimitsProperties(
        @DefaultValue("30") @Min(1) int httpChatRequests,
        @DefaultValue("1m") @NotNull Duration httpChatWindow,
        @DefaultValue("10") @Min(1) int loginFailuresPerUser,
        @DefaultValue("30") @Min(1) int loginFailuresPerAddress,
        @DefaultValue("15m") @NotNull Duration loginWindow,
        @DefaultValue("100000") @Min(100) int maxKeys) {
}
