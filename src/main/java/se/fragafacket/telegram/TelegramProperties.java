package se.fragafacket.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Telegram bot. It runs only when a token is set.
 *
 * <p>The token and the webhook secret are checked here rather than with constraint annotations, because a
 * failed constraint would print the value it rejected; {@link #toString()} hides both.
 *
 * @param token           the bot's token from @BotFather; none (the default) leaves the bot off
 * @param baseUrl         the Bot API server: scheme, host and port only (a self-hosted one, or a fake in tests)
 * @param mode            {@code polling} (long polling with getUpdates) or {@code webhook} (POST /telegram/webhook)
 * @param webhookSecret   what Telegram must send as X-Telegram-Bot-Api-Secret-Token; required in webhook mode
 * @param webhookUrl      the public https address of /telegram/webhook to register with setWebhook on start;
 *                        none leaves registering to the operator
 * @param pollTimeout     how long one getUpdates waits for news before asking again
 * @param rateLimit       questions one chat may ask per {@code rateLimitWindow}; more get a friendly "wait a moment"
 * @param rateLimitWindow the window the rate limit counts in
 * @param maxMessageChars longer replies are split at sentence boundaries (Telegram takes at most 4096)
 * @param workers         chats answered at the same time; each chat's messages are answered in order
 * @param retries         times a request that failed with a 5xx or a network error is tried again
 * @param retryBackoff    the first wait before such a retry; it doubles each time
 * @param maxRetryAfter   the longest 429 retry_after waited for; a message that would wait longer is dropped
 * @param typingInterval  how often "typing…" is renewed while an answer is produced (Telegram shows it about 5 s)
 * @param streamEdits     show the answer while it is produced by editing one message (useful with a streaming model)
 * @param editInterval    the least time between two such edits of a message
 */
@Validated
@ConfigurationProperties("fraga.telegram")
public record TelegramProperties(
        String token,
        @DefaultValue("https://api.telegram.org") URI baseUrl,
        @DefaultValue("polling") Mode mode,
        String webhookSecret,
        URI webhookUrl,
        @DefaultValue("50s") Duration pollTimeout,
        @DefaultValue("10") @Min(1) int rateLimit,
        @DefaultValue("1m") Duration rateLimitWindow,
        @DefaultValue("4096") @Min(200) @Max(4096) int maxMessageChars,
        @DefaultValue("4") @Min(1) @Max(64) int workers,
        @DefaultValue("3") @Min(0) @Max(10) int retries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("60s") Duration maxRetryAfter,
        @DefaultValue("4s") Duration typingInterval,
        @DefaultValue("false") boolean streamEdits,
        @DefaultValue("1500ms") Duration editInterval) {

    /** How updates reach the bot. */
    public enum Mode {
        POLLING, WEBHOOK
    }

    private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{1,100}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public TelegramProperties {
        token = token == null || token.isBlank() ? null : token.strip();
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret.strip();
        if (token != null && !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("fraga.telegram.token does not look like a token from @BotFather"
                    + " (digits, a colon, then letters, digits, '-' or '_')");
        }
        if (webhookSecret != null && !SECRET.matcher(webhookSecret).matches()) {
            throw new IllegalArgumentException("fraga.telegram.webhook-secret must be 1-256 of A-Z, a-z, 0-9, '_' and '-'"
                    + " (what Telegram accepts as secret_token)");
        }
        if (mode == Mode.WEBHOOK && token != null && webhookSecret == null) {
            throw new IllegalArgumentException("fraga.telegram.mode=webhook needs fraga.telegram.webhook-secret,"
                    + " or anyone could post updates to /telegram/webhook");
        }
        String scheme = baseUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || baseUrl.getHost() == null
                || !(baseUrl.getRawPath() == null || baseUrl.getRawPath().isEmpty() || "/".equals(baseUrl.getRawPath()))
                || baseUrl.getRawQuery() != null || baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("fraga.telegram.base-url must be like https://api.telegram.org or"
                    + " http://127.0.0.1:8081: scheme, host and port only");
        }
        if (webhookUrl != null && !"https".equals(webhookUrl.getScheme()) && !"http".equals(webhookUrl.getScheme())) {
            throw new IllegalArgumentException("fraga.telegram.webhook-url must be the public https address of /telegram/webhook");
        }
        requirePositive(pollTimeout, "poll-timeout");
        requirePositive(rateLimitWindow, "rate-limit-window");
        requirePositive(retryBackoff, "retry-backoff");
        requirePositive(maxRetryAfter, "max-retry-after");
        requirePositive(typingInterval, "typing-interval");
        requirePositive(editInterval, "edit-interval");
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("fraga.telegram." + name + " must be a positive duration such as 5s");
        }
    }

    /** Whether the bot is to run. */
    boolean enabled() {
        return token != null;
    }

    /** The port of {@link #baseUrl()}, with the scheme's default filled in. */
    int basePort() {
        return baseUrl.getPort() != -1 ? baseUrl.getPort() : "https".equals(baseUrl.getScheme()) ? 443 : 80;
    }

    /** The token replaced by a mark, so nothing that is logged can carry it. */
    String redact(String text) {
        return text == null || token == null ? text : text.replace(token, "<token>");
    }

    @Override
    public String toString() {
        return "TelegramProperties[token=" + (token == null ? "none" : "(set)") + ", baseUrl=" + baseUrl
                + ", mode=" + mode + ", webhookSecret=" + (webhookSecret == null ? "none" : "(set)")
                + ", webhookUrl=" + webhookUrl + ", pollTimeout=" + pollTimeout + ", rateLimit=" + rateLimit
                + ", rateLimitWindow=" + rateLimitWindow + ", maxMessageChars=" + maxMessageChars
                + ", workers=" + workers + ", retries=" + retries + ", retryBackoff=" + retryBackoff
                + ", maxRetryAfter=" + maxRetryAfter + ", typingInterval=" + typingInterval
                + ", streamEdits=" + streamEdits + ", editInterval=" + editInterval + "]";
    }
}
