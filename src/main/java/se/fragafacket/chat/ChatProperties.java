package se.fragafacket.chat;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The members' web chat: the WebSocket's limits and who may use it from other sites.
 *
 * @param allowedOrigins    other sites (e.g. {@code https://www.lo.se}, {@code https://*.lo.se}) whose pages may
 *                          open the WebSocket and frame the widget; the service's own origin always may
 * @param maxFrameSize      a WebSocket frame larger than this is refused with an error frame
 * @param messagesPerMinute frames one connection may send in any minute; more get an error frame
 * @param sendTimeout       a member's connection that takes longer than this to take a frame is closed
 * @param sendBufferSize    frames waiting for a slow connection beyond this close it
 * @param maxCommentChars   longest feedback comment accepted
 */
@ConfigurationProperties("fraga.chat")
@Validated
public record ChatProperties(
        @DefaultValue @NotNull List<@Pattern(regexp = ORIGIN, message = "must be an origin like https://www.example.se, "
                + "https://*.example.se, http://localhost:* or *") String> allowedOrigins,
        @DefaultValue("16KB") @NotNull DataSize maxFrameSize,
        @DefaultValue("20") @Min(1) @Max(10_000) int messagesPerMinute,
        @DefaultValue("10s") @NotNull Duration sendTimeout,
        @DefaultValue("512KB") @NotNull DataSize sendBufferSize,
        @DefaultValue("1000") @Min(0) @Max(100_000) int maxCommentChars) {

    /** scheme://host[:port], the host may start with "*." and the port may be "*" (or Spring's "[*]") */
    static final String ORIGIN = "\\*|https?://(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:(\\d{1,5}|\\*|\\[\\*]))?";

    @AssertTrue(message = "fraga.chat.max-frame-size must be between 1KB and 1MB")
    boolean isMaxFrameSizeSane() {
        return maxFrameSize == null || maxFrameSize.toBytes() >= 1024 && maxFrameSize.toBytes() <= 1024 * 1024;
    }

    @AssertTrue(message = "fraga.chat.send-timeout and fraga.chat.send-buffer-size must be positive")
    boolean isSendLimitsSane() {
        return sendTimeout == null || sendBufferSize == null
                || sendTimeout.isPositive() && sendTimeout.toMillis() <= Integer.MAX_VALUE
                && sendBufferSize.toBytes() > 0 && sendBufferSize.toBytes() <= Integer.MAX_VALUE;
    }

    /** The allowed origins as Spring's origin patterns (port wildcard "[*]"). */
    List<String> originPatterns() {
        return allowedOrigins.stream().map(o -> o.endsWith(":*") ? o.substring(0, o.length() - 1) + "[*]" : o).toList();
    }

    /** The allowed origins as CSP source expressions (port wildcard "*"). */
    List<String> frameSources() {
        return allowedOrigins.stream().map(o -> o.endsWith(":[*]") ? o.substring(0, o.length() - 3) + "*" : o).toList();
    }
}
