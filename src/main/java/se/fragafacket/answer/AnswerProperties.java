package se.fragafacket.answer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How questions are answered.
 *
 * @param maxQuestionChars   longer messages are refused with a clear error
 * @param passages           passages retrieved for each question
 * @param modelPassages      of those, how many a language model is given
 * @param minModelCoverage   with a language model: below this share of the question's weighted ideas held by the
 *                           passages sent (typing slips forgiven), the model is not asked
 * @param maxAnswerChars     the extractive answer stops adding sentences past this
 * @param conversationTtl    a conversation idle longer than this is forgotten
 * @param conversationTurns  earlier exchanges kept per conversation
 * @param maxConversations   conversations kept at once; the idlest is forgotten first
 * @param helpLine           the number members can call to talk to a person
 */
@ConfigurationProperties("fraga.answer")
public record AnswerProperties(
        @DefaultValue("2000") int maxQuestionChars,
        @DefaultValue("16") int passages,
        @DefaultValue("5") int modelPassages,
        @DefaultValue("0.3") double minModelCoverage,
        @DefaultValue("450") int maxAnswerChars,
        @DefaultValue("30m") Duration conversationTtl,
        @DefaultValue("6") int conversationTurns,
        @DefaultValue("10000") int maxConversations,
        @DefaultValue("020-56 00 56") String helpLine) {
}
