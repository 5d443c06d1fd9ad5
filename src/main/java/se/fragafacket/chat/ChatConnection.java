package se.fragafacket.chat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.web.socket.WebSocketSession;

/**
 * One member's open WebSocket: the thread-safe session to send on, the frame being received, the rate
 * of frames, whether a question is being answered and which conversation it is in.
 */
final class ChatConnection {

    /** A whole frame as received: its text, or that it was too large (its text then dropped). */
    record Frame(String text, boolean tooLarge) {
    }

    final WebSocketSession session;
    final MessageRate rate;
    final AtomicBoolean answering = new AtomicBoolean();
    private final long maxFrameBytes;
    private final StringBuilder partial = new StringBuilder();
    private long partialBytes;
    private volatile String conversationId;

    ChatConnection(WebSocketSession session, MessageRate rate, long maxFrameBytes) {
        this.session = session;
        this.rate = rate;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Adds a part of a text frame; returns the frame once its last part is in, null before. A frame past the
     * size limit is not kept, only counted, so a huge frame costs no memory.
     */
    Frame textPart(String text, boolean last) {
        partialBytes += utf8Length(text);
        if (partialBytes <= maxFrameBytes) {
            partial.append(text);
        }
        if (!last) {
            return null;
        }
        Frame frame = new Frame(partialBytes <= maxFrameBytes ? partial.toString() : null, partialBytes > maxFrameBytes);
        partial.setLength(0);
        partialBytes = 0;
        return frame;
    }

    String conversationId() {
        return conversationId;
    }

    void conversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
