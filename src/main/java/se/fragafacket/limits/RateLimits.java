package se.fragafacket.limits;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one limiter mechanism: every channel's limit is a {@link RateLimit} over the one {@link BucketStore}.
 * To count across several instances, declare a {@code @Primary} {@code BucketStore} bean backed by Bucket4j's JDBC
 * proxy manager (the in-memory one here is then not used; it is left out where that bean is seen first).
 */
@Configuration(proxyBeanMethods = false)
public class RateLimits {

    @Bean
    @ConditionalOnMissingBean(BucketStore.class)
    LocalBucketStore localBucketStore(Clock clock, LimitsProperties properties) {
        return new LocalBucketStore(clock, properties.maxKeys());
    }
}
