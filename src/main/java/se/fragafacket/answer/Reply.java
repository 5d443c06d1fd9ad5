package se.fragafacket.answer;

/**
 * An answer as a channel delivers it: within its conversation, with an id members can give feedback on.
 */
public record Reply(String conversationId, String messageId, Answer answer) {
}
