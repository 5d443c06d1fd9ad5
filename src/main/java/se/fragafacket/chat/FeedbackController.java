package se.fragafacket.chat;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.fragafacket.answer.FeedbackGiven;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/feedback}: whether an answer helped, with an optional comment; published as
 * {@link FeedbackGiven} for whoever keeps insights.
 */
@RestController
class FeedbackController {

    /** The same form of id that answers are given under. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final String EXAMPLE =
            "{\"conversationId\": \"…\", \"messageId\": \"…\", \"helpful\": false, \"comment\": \"optional\"}";

    private final ApplicationEventPublisher events;
    private final ChatProperties properties;
    private final Clock clock;

    FeedbackController(ApplicationEventPublisher events, ChatProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The member's verdict on one answer, as sent. */
    private record Feedback(String conversationId, String messageId, boolean helpful, String comment) {
    }

    /** Thrown while reading a body that is JSON but not feedback; the message says what is wrong. */
    static final class BadFeedback extends RuntimeException {
        BadFeedback(String message) {
            super(message);
        }
    }

    @PostMapping("/api/feedback")
    ResponseEntity<Void> feedback(@RequestBody JsonNode body) {
        Feedback feedback = read(body);
        events.publishEvent(new FeedbackGiven(feedback.conversationId(), feedback.messageId(), feedback.helpful(),
                feedback.comment(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(BadFeedback.class)
    ResponseEntity<Map<String, String>> badFeedback(BadFeedback e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error",
                "The request body must be JSON like " + EXAMPLE + "."));
    }

    // read by hand: a data binder would quietly turn a number into text, and wrong types must be refused
    private Feedback read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadFeedback("The request body must be a JSON object like " + EXAMPLE + ".");
        }
        String conversationId = id(body, "conversationId");
        String messageId = id(body, "messageId");
        JsonNode helpful = body.get("helpful");
        if (helpful == null || !helpful.isBoolean()) {
            throw new BadFeedback("helpful must be true (the answer helped) or false (it did not).");
        }
        JsonNode comment = body.get("comment");
        if (comment != null && !comment.isNull() && !comment.isString()) {
            throw new BadFeedback("comment must be text (or left out).");
        }
        String text = comment == null || comment.isNull() ? "" : comment.asString().strip();
        if (text.length() > properties.maxCommentChars()) {
            throw new BadFeedback("The comment is too long: at most " + properties.maxCommentChars() + " characters.");
        }
        return new Feedback(conversationId, messageId, helpful.asBoolean(), text);
    }

    private static String id(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isString() || !ID.matcher(value.asString()).matches()) {
            throw new BadFeedback(field + " is missing or malformed: give the one from the answer.");
        }
        return value.asString();
    }
}
