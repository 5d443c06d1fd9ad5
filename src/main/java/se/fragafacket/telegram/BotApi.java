package se.fragafacket.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Calls the Bot API and deals with its errors the way Telegram asks: a 429 waits the {@code retry_after} it
 * names, a 5xx or a network failure is retried with a doubling back-off, a 403 (the member blocked the bot,
 * or it was removed from the group) is logged and dropped, and any other refusal is logged and dropped.
 * Nothing it logs carries the token.
 */
class BotApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotApi.class);
    /** 429s in a row for one request before it is given up, so a misbehaving server cannot hold a chat forever. */
    private static final int MAX_RATE_LIMITED = 5;

    private final TelegramProperties properties;
    private final OkHttpClient http;
    private final TelegramClient client;
    private final Sleeper sleeper;

    /** Waits between retries; tests may count instead. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    BotApi(TelegramProperties properties) {
        this(properties, duration -> Thread.sleep(duration));
    }

    BotApi(TelegramProperties properties, Sleeper sleeper) {
        this.properties = properties;
        this.sleeper = sleeper;
        // getUpdates holds the connection for up to poll-timeout; reads must be allowed to wait longer
        this.http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .readTimeout(properties.pollTimeout().plusSeconds(15))
                .build();
        this.client = new OkHttpTelegramClient(http, properties.token(), telegramUrl(properties));
    }

    static TelegramUrl telegramUrl(TelegramProperties properties) {
        return new TelegramUrl(properties.baseUrl().getScheme(), properties.baseUrl().getHost(),
                properties.basePort(), false);
    }

    /** The HTTP client, shared with the long-polling session. */
    OkHttpClient http() {
        return http;
    }

    /**
     * Sends a request, retrying as Telegram asks.
     *
     * @param chatId the chat it concerns, for the log; 0 for none
     * @return the result, or empty when the request was dropped (the reason is logged)
     */
    <T extends Serializable> Optional<T> call(BotApiMethod<T> method, long chatId) {
        return send(() -> client.execute(method), method.getMethod(), chatId);
    }

    /**
     * Sends messages in HTML parse mode to a chat, in order; the first one, when {@code replyTo} is given, as a
     * reply to that message (in groups, so it is clear whom the bot answers).
     *
     * @return whether all were sent; after one is dropped the rest are not tried, as they would fare no better
     */
    boolean sendMessages(long chatId, List<String> html, Integer replyTo) {
        for (String text : html) {
            var send = SendMessage.builder().chatId(chatId).text(text).parseMode(ParseMode.HTML);
            if (replyTo != null) {
                send.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
                replyTo = null;
            }
            if (call(send.build(), chatId).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Registers the webhook; setWebhook goes as a multipart form, so it has its own call. */
    Optional<Boolean> call(SetWebhook setWebhook) {
        return send(() -> client.execute(setWebhook), setWebhook.getMethod(), 0);
    }

    /** Sends a request once, for what is not worth a retry ("typing…"); failures are logged at debug. */
    <T extends Serializable> void once(BotApiMethod<T> method, long chatId) {
        try {
            client.execute(method);
        } catch (TelegramApiException e) {
            log.debug("{} to chat {} failed: {}", method.getMethod(), chatId, describe(e));
        }
    }

    private interface Request<T> {
        T execute() throws TelegramApiException;
    }

    private <T> Optional<T> send(Request<T> request, String method, long chatId) {
        int failures = 0;
        int rateLimited = 0;
        Duration backoff = properties.retryBackoff();
        while (true) {
            try {
                return Optional.ofNullable(request.execute());
            } catch (TelegramApiValidationException e) {
                log.warn("{} to chat {} not sent: {}", method, chatId, describe(e));
                return Optional.empty();
            } catch (TelegramApiRequestException e) {
                int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                if (code == 429) {
                    Duration wait = retryAfter(e.getParameters());
                    if (++rateLimited > MAX_RATE_LIMITED || wait.compareTo(properties.maxRetryAfter()) > 0) {
                        log.warn("{} to chat {} dropped: Telegram asks to wait {} s, more than allowed", method, chatId,
                                wait.toSeconds());
                        return Optional.empty();
                    }
                    log.info("{} to chat {}: too many requests, retrying after {} s as Telegram asks", method, chatId,
                            wait.toSeconds());
                    if (!pause(wait)) {
                        return Optional.empty();
                    }
                    continue;
                }
                if (code == 403) {
                    log.info("{} to chat {} dropped: {} (the member blocked the bot or it was removed from the chat)",
                            method, chatId, describe(e));
                    return Optional.empty();
                }
                if (code != 0 && code < 500) {
                    log.warn("{} to chat {} refused: {}", method, chatId, describe(e));
                    return Optional.empty();
                }
                // a 5xx, or an answer that was not the Bot API's JSON (a proxy's error page): worth another try
                if (!retry(++failures, backoff, method, chatId, e)) {
                    return Optional.empty();
                }
                backoff = backoff.multipliedBy(2);
            } catch (TelegramApiException e) {
                // no answer at all: connection refused, reset or timed out
                if (!retry(++failures, backoff, method, chatId, e)) {
                    return Optional.empty();
                }
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private boolean retry(int failures, Duration backoff, String method, long chatId, TelegramApiException e) {
        if (failures > properties.retries()) {
            log.warn("{} to chat {} dropped after {} tries: {}", method, chatId, failures, describe(e));
            return false;
        }
        log.info("{} to chat {} failed ({}); retrying in {} ms", method, chatId, describe(e), backoff.toMillis());
        return pause(backoff);
    }

    private static Duration retryAfter(ResponseParameters parameters) {
        Integer seconds = parameters == null ? null : parameters.getRetryAfter();
        return Duration.ofSeconds(seconds == null || seconds < 1 ? 1 : seconds);
    }

    private boolean pause(Duration duration) {
        try {
            sleeper.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The error and its causes in one line, without the token. */
    String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 500; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return properties.redact(text.toString());
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
