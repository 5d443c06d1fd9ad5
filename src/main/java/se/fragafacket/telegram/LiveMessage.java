package se.fragafacket.telegram;

import java.time.Duration;
import java.util.function.Consumer;

import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * An answer shown while it is produced: the first pieces are sent as a message, later ones edit it, no
 * more often than the edit interval (Telegram limits edits per chat), and the finished reply replaces it.
 * Shown as plain text until finished, since half an answer cannot be escaped reliably.
 */
final class LiveMessage implements Consumer<String> {

    private final BotApi api;
    private final long chatId;
    private final int maxChars;
    private final long intervalNanos;
    private final StringBuilder text = new StringBuilder();
    private String shown = "";
    private Integer messageId;
    private boolean dropped;
    private long lastPush;

    LiveMessage(BotApi api, long chatId, int maxChars, Duration interval) {
        this.api = api;
        this.chatId = chatId;
        this.maxChars = maxChars;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void accept(String token) {
        text.append(token);
        if (dropped) {
            return;
        }
        if (messageId == null || System.nanoTime() - lastPush >= intervalNanos) {
            push();
        }
    }

    /** The message being edited, once one was sent. */
    Integer messageId() {
        return messageId;
    }

    /** Replaces the streamed text by the first message of the finished reply. */
    void finish(String html) {
        api.call(EditMessageText.builder().chatId(chatId).messageId(messageId).text(html).parseMode(ParseMode.HTML)
                .build(), chatId);
    }

    private void push() {
        String now = text.toString().strip();
        if (now.length() > maxChars) {
            now = now.substring(0, maxChars - 1) + "…";
        }
        if (now.isEmpty() || now.equals(shown)) {
            return;
        }
        lastPush = System.nanoTime();
        if (messageId == null) {
            messageId = api.call(SendMessage.builder().chatId(chatId).text(now).build(), chatId)
                    .map(Message::getMessageId).orElse(null);
            dropped = messageId == null;
        } else {
            api.call(EditMessageText.builder().chatId(chatId).messageId(messageId).text(now).build(), chatId);
        }
        shown = now;
    }
}
