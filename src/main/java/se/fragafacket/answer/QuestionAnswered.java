package se.fragafacket.answer;

import java.time.Instant;
import java.util.List;

/**
 * Published after every answer, for whoever keeps statistics or insights.
 *
 * @param channel   where it was asked ("web", "api", "telegram", …)
 * @param question  the member's words as asked
 * @param smallTalk a greeting, thanks or "what can you do?": not a question the documents failed to answer
 */
public record QuestionAnswered(String conversationId, String messageId, String channel, String question,
                               boolean answered, String answer, List<String> documentIds, Instant at,
                               boolean smallTalk) {

    public QuestionAnswered(String conversationId, String messageId, String channel, String question,
                            boolean answered, String answer, List<String> documentIds, Instant at) {
        this(conversationId, messageId, channel, question, answered, answer, documentIds, at, false);
    }
}
