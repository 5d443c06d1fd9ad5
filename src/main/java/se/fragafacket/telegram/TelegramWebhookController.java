package se.fragafacket.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: where Telegram delivers updates in webhook mode. A request without the
 * configured secret in {@code X-Telegram-Bot-Api-Secret-Token} is refused; an accepted update is answered
 * in the background, so Telegram gets its 200 at once and does not send it again.
 */
@RestController
@Conditional(TelegramTokenCondition.class)
class TelegramWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    /** Telegram's own model is read with the Jackson 2 mapper it is annotated for. */
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final TelegramProperties properties;
    private final UpdateDispatcher dispatcher;

    TelegramWebhookController(TelegramProperties properties, UpdateDispatcher dispatcher) {
        this.properties = properties;
        this.dispatcher = dispatcher;
    }

    @PostMapping("/telegram/webhook")
    ResponseEntity<Map<String, String>> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
                                                @RequestBody(required = false) byte[] body) {
        if (properties.mode() != TelegramProperties.Mode.WEBHOOK) {
            return error(HttpStatus.NOT_FOUND, "The Telegram webhook is off: the bot uses long polling (fraga.telegram.mode).");
        }
        if (!matches(secret)) {
            log.warn("Telegram webhook request refused: {} header", secret == null ? "no secret" : "wrong secret in the");
            return error(HttpStatus.UNAUTHORIZED, "Wrong or missing " + SECRET_HEADER + ".");
        }
        Update update;
        try {
            update = body == null ? null : json.readValue(body, Update.class);
        } catch (IOException e) {
            log.warn("Telegram webhook request refused: not an Update ({})", e.getClass().getSimpleName());
            return error(HttpStatus.BAD_REQUEST, "The body must be a Telegram Update in JSON.");
        }
        if (update == null || update.getUpdateId() == null) {
            return error(HttpStatus.BAD_REQUEST, "The body must be a Telegram Update in JSON.");
        }
        dispatcher.dispatch(update);
        return ResponseEntity.ok().build();
    }

    /** Compares in constant time, so the secret cannot be guessed from how fast a wrong one is refused. */
    private boolean matches(String secret) {
        return secret != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                properties.webhookSecret().getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
