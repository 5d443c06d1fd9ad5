package se.fragafacket.telegram;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

/**
 * In webhook mode with {@code fraga.telegram.webhook-url} set, tells Telegram on start where to deliver
 * updates and which secret to send with them. Without the address, the operator registers it (see README).
 */
class WebhookRegistration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);

    private final TelegramProperties properties;
    private final BotApi api;
    private volatile boolean running;

    WebhookRegistration(TelegramProperties properties, BotApi api) {
        this.properties = properties;
        this.api = api;
    }

    @Override
    public void start() {
        running = true;
        if (properties.webhookUrl() == null) {
            log.info("Telegram bot in webhook mode at POST /telegram/webhook; register its public address with setWebhook"
                    + " (or set fraga.telegram.webhook-url)");
            return;
        }
        Thread.ofVirtual().name("telegram-set-webhook").start(this::register);
    }

    private void register() {
        SetWebhook setWebhook = SetWebhook.builder()
                .url(properties.webhookUrl().toString())
                .secretToken(properties.webhookSecret())
                .allowedUpdates(List.of("message"))
                .build();
        boolean done = api.call(setWebhook).orElse(false);
        if (done) {
            log.info("Telegram webhook registered: {}", properties.webhookUrl());
        } else {
            log.warn("Telegram webhook not registered at {}; updates will not arrive until it is", properties.webhookUrl());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
