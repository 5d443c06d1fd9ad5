package se.fragafacket.chat;

import java.util.List;

import se.fragafacket.answer.Reply;
import se.fragafacket.answer.Source;

/** The answer as the contract words it, over HTTP and in the WebSocket's {@code answer} frame. */
public record ChatResponse(String conversationId, String messageId, boolean answered, String answer,
                           List<Source> sources) {

    public static ChatResponse of(Reply reply) {
        return new ChatResponse(reply.conversationId(), reply.messageId(), reply.answer().answered(),
                reply.answer().text(), reply.answer().sources());
    }
}
