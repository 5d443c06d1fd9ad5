package se.fragafacket.store;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances' limiters on one real PostgreSQL database count a member's messages together. */
class SharedRateLimitsTests {

    private static final Supplier<BucketConfiguration> THREE_PER_MINUTE = () -> BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(3).refillIntervally(3, Duration.ofMinutes(1))).build();

    private static SharedRateLimits onA;
    private static SharedRateLimits onB;

    @BeforeAll
    static void store() {
        String url = TestPostgres.server().newDatabase("rate_limits");
        var dataSource = new DriverManagerDataSource(url, TestPostgres.USER, "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        onA = new SharedRateLimits(dataSource);
        onB = new SharedRateLimits(dataSource);
    }

    @Test
    void aMembersMessagesCountOnceAcrossInstances() {
        Bucket memberOnA = onA.bucket("telegram:4001", THREE_PER_MINUTE);
        Bucket memberOnB = onB.bucket("telegram:4001", THREE_PER_MINUTE);
        Bucket otherOnB = onB.bucket("telegram:4002", THREE_PER_MINUTE);

        assertThat(memberOnA.tryConsume(1)).isTrue();
        assertThat(memberOnB.tryConsume(1)).isTrue();
        assertThat(memberOnA.tryConsume(1)).isTrue();
        assertThat(memberOnB.tryConsume(1)).as("the fourth in the minute, on either instance").isFalse();
        assertThat(memberOnA.tryConsume(1)).isFalse();
        assertThat(otherOnB.tryConsume(1)).as("another member has a bucket of their own").isTrue();
    }
}
