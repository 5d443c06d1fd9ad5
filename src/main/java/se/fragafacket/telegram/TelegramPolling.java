package se.fragafacket.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling with telegrambots: deletes any webhook, then asks {@code getUpdates} over and over at
 * {@code fraga.telegram.base-url} and hands what comes to the {@link UpdateDispatcher}. When the Bot API
 * cannot be reached at start, it keeps trying in the background rather than keeping the service down.
 * It starts in the last lifecycle phase, once the knowledge base is indexed, and stops first.
 */
class TelegramPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
    private static final Duration MAX_START_BACKOFF = Duration.ofMinutes(1);

    /** The library's session logs every failed getUpdates as an error, the one cut off at stop included. */
    private static final String SESSION_LOGGER = BotSession.class.getName();

    private final TelegramProperties properties;
    private final BotApi api;
    private final UpdateDispatcher dispatcher;
    private final LoggingSystem logging;
    /** Polling's own dispatcher, so stopping can cut off the pending getUpdates without touching replies being sent. */
    private final OkHttpClient http;
    private volatile TelegramBotsLongPollingApplication application;
    private volatile ScheduledExecutorService pollingThread;
    private volatile Thread starter;
    private volatile boolean running;

    TelegramPolling(TelegramProperties properties, BotApi api, UpdateDispatcher dispatcher, LoggingSystem logging) {
        this.properties = properties;
        this.api = api;
        this.dispatcher = dispatcher;
        this.logging = logging;
        this.http = api.http().newBuilder().dispatcher(new Dispatcher()).build();
    }

    @Override
    public void start() {
        running = true;
        starter = Thread.ofVirtual().name("telegram-polling-start").start(this::register);
    }

    /** Registers the bot; tries again with a growing pause while the Bot API cannot be reached. */
    private void register() {
        Duration backoff = properties.retryBackoff();
        while (running) {
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread t = new Thread(runnable, "telegram-polling");
                t.setDaemon(true);
                return t;
            });
            var candidate = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> thread,
                    () -> new ExponentialBackOff.Builder().setInitialIntervalMillis(500).setMaxIntervalMillis(30_000).build());
            try {
                // the dispatcher outlives sessions: the session gets a view of it that it cannot close
                candidate.registerBot(properties.token(), () -> BotApi.telegramUrl(properties), this::getUpdates,
                        dispatcher::consume);
                synchronized (this) {
                    if (!running) {
                        closeQuietly(candidate, thread);
                        return;
                    }
                    application = candidate;
                    pollingThread = thread;
                }
                log.info("Telegram bot polling {}://{}:{} for updates", properties.baseUrl().getScheme(),
                        properties.baseUrl().getHost(), properties.basePort());
                return;
            } catch (TelegramApiException e) {
                // deleteWebhook failed before the session started polling: only its thread is to be let go
                thread.shutdownNow();
                log.warn("Telegram bot could not start polling ({}); trying again in {} s", api.describe(e),
                        backoff.toSeconds());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_START_BACKOFF) > 0 ? MAX_START_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private GetUpdates getUpdates(int lastReceived) {
        return GetUpdates.builder()
                .offset(lastReceived + 1)
                .limit(100)
                .timeout((int) properties.pollTimeout().toSeconds())
                .allowedUpdates(List.of("message"))
                .build();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (starter != null) {
            starter.interrupt();
        }
        if (application != null) {
            // the pending getUpdates is cut off on purpose: keep the session from reporting that as an error
            LoggerConfiguration configured = logging.getLoggerConfiguration(SESSION_LOGGER);
            LogLevel level = configured == null ? null : configured.getConfiguredLevel();
            logging.setLogLevel(SESSION_LOGGER, LogLevel.OFF);
            try {
                closeQuietly(application, pollingThread);
                http.dispatcher().cancelAll();
                pollingThread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                logging.setLogLevel(SESSION_LOGGER, level);
            }
            application = null;
        }
        http.dispatcher().executorService().shutdown();
    }

    private void closeQuietly(TelegramBotsLongPollingApplication candidate, ScheduledExecutorService thread) {
        try {
            candidate.close();
        } catch (Exception e) {
            log.debug("Closing the long-polling session: {}", api.describe(e));
        }
        thread.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
