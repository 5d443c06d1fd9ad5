package se.fragafacket.telegram;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import se.fragafacket.answer.AnswerProperties;
import se.fragafacket.answer.AnswerService;
import se.fragafacket.limits.BucketStore;
import se.fragafacket.config.PublicSiteProperties;
import se.fragafacket.search.KnowledgeIndex;
import se.fragafacket.store.LeaderLock;
import se.fragafacket.store.SharedProperties;
import se.fragafacket.store.StoreEnvironment;
import se.fragafacket.store.TelegramUpdateLedger;

/**
 * The Telegram bot's beans, made only when {@code fraga.telegram.token} is set: the Bot API client, the
 * channel, the per-chat dispatcher, and long polling or the webhook's registration by
 * {@code fraga.telegram.mode}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramTokenCondition.class)
class TelegramConfiguration {

    @Bean(destroyMethod = "close")
    BotApi telegramBotApi(TelegramProperties properties) {
        return new BotApi(properties);
    }

    /** Renews "typing…" while answers are produced. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService telegramScheduler() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "telegram-typing");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    TelegramChannel telegramChannel(AnswerService answers, BotApi telegramBotApi, TelegramProperties properties,
                                    AnswerProperties answerProperties, KnowledgeIndex index, BucketStore buckets,
                                    PublicSiteProperties publicSite, ScheduledExecutorService telegramScheduler) {
        return new TelegramChannel(answers, telegramBotApi, properties, answerProperties, index, buckets, publicSite,
                telegramScheduler);
    }

    /** In the shared mode each update is answered once, each chat's in order, whichever instance takes it. */
    @Bean(destroyMethod = "close")
    UpdateDispatcher telegramUpdates(TelegramChannel telegramChannel, TelegramProperties properties,
                                     ObjectProvider<TelegramUpdateLedger> ledger) {
        TelegramUpdateLedger shared = ledger.getIfAvailable();
        return new UpdateDispatcher(shared == null ? telegramChannel::handle : shared.onceInOrder(telegramChannel::handle),
                properties.workers());
    }

    /** In the shared mode only the instance that holds the store's lock polls; another takes over when it stops. */
    @Bean
    @ConditionalOnProperty(name = "fraga.telegram.mode", havingValue = "polling", matchIfMissing = true)
    @ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.POSTGRES)
    TelegramLeadership telegramLeadership(TelegramProperties properties, BotApi telegramBotApi,
                                          UpdateDispatcher telegramUpdates, LoggingSystem loggingSystem,
                                          LeaderLock telegramLeaderLock, SharedProperties shared) {
        return new TelegramLeadership(() -> new TelegramPolling(properties, telegramBotApi, telegramUpdates, loggingSystem),
                telegramLeaderLock, shared.leaderCheckInterval());
    }

    @Bean
    @ConditionalOnProperty(name = "fraga.telegram.mode", havingValue = "polling", matchIfMissing = true)
    @ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.FILE, matchIfMissing = true)
    TelegramPolling telegramPolling(TelegramProperties properties, BotApi telegramBotApi, UpdateDispatcher telegramUpdates,
                                    LoggingSystem loggingSystem) {
        return new TelegramPolling(properties, telegramBotApi, telegramUpdates, loggingSystem);
    }

    @Bean
    @ConditionalOnProperty(name = "fraga.telegram.mode", havingValue = "webhook")
    WebhookRegistration telegramWebhookRegistration(TelegramProperties properties, BotApi telegramBotApi) {
        return new WebhookRegistration(properties, telegramBotApi);
    }
}
