package se.fragafacket.answer;

import java.time.Instant;

/**
 * Published when a member says whether an answer helped.
 *
 * @param comment the member's optional words, as given (empty when none)
 */
public record FeedbackGiven(String conversationId, String messageId, boolean helpful, String comment, Instant at) {
}
