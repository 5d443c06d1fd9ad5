package se.fragafacket.telegram;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Hands updates to the channel on a few worker threads: the chats are answered side by side, each chat's
 * messages one after the other in the order they came, so a follow-up never overtakes its question. Used by
 * both long polling and the webhook.
 */
class UpdateDispatcher implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final Consumer<Update> handler;
    private final ExecutorService workers;
    /** The last task queued per chat; the next one of that chat runs after it. */
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    UpdateDispatcher(Consumer<Update> handler, int workers) {
        this.handler = handler;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "telegram-chat-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void consume(List<Update> updates) {
        updates.forEach(this::dispatch);
    }

    /** Queues an update behind its chat's earlier ones. Never throws: the long-polling loop would stop for good. */
    void dispatch(Update update) {
        try {
            enqueue(update);
        } catch (RuntimeException e) {
            log.error("Telegram update {} could not be queued", update == null ? null : update.getUpdateId(), e);
        }
    }

    private void enqueue(Update update) {
        long chat = chatOf(update);
        CompletableFuture<Void> queued = tails.compute(chat, (id, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            return previous.thenRunAsync(() -> handle(update), workers);
        });
        queued.whenComplete((done, failure) -> tails.remove(chat, queued));
    }

    private void handle(Update update) {
        try {
            handler.accept(update);
        } catch (RuntimeException e) {
            // one bad update must not stop the chat's queue nor the bot
            log.error("Telegram update {} failed", update.getUpdateId(), e);
        }
    }

    private static long chatOf(Update update) {
        if (update.hasMessage() && update.getMessage().getChat() != null) {
            return update.getMessage().getChatId();
        }
        return 0;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Telegram workers still busy after 5 s; leaving them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
