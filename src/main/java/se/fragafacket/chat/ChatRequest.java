package se.fragafacket.chat;

/** A member's question; {@code conversationId} continues an earlier conversation, null starts one. */
record ChatRequest(String message, String conversationId) {
}
