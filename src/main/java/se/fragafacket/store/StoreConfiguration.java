package se.fragafacket.store;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared mode's beans that are not components of their own. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.POSTGRES)
class StoreConfiguration {

    /** Advisory lock key: the instance that holds it polls Telegram. */
    static final long TELEGRAM_POLLING = 0x6672_6167_6100_0002L;

    @Bean
    LeaderLock telegramLeaderLock(DataSource dataSource) {
        return new LeaderLock(dataSource, TELEGRAM_POLLING, "polls Telegram for updates");
    }
}
