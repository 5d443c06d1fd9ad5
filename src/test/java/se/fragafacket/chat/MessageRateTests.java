package se.fragafacket.chat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import se.fragafacket.MovableClock;
import se.fragafacket.limits.LocalBucketStore;
import se.fragafacket.limits.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRateTests {

    private final MovableClock clock = new MovableClock();
    private final LocalBucketStore buckets = new LocalBucketStore(clock, 1000);

    private MessageRate rate(int perMinute, String connection) {
        return new MessageRate(new RateLimit("ws-frames", perMinute, Duration.ofMinutes(1), buckets), connection);
    }

    @Test
    void refusesTheFrameOverTheLimitWithinAMinuteAndSaysHowLongToWait() {
        var rate = rate(3, "a");

        assertThat(rate.tryAcquire().allowed()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(rate.tryAcquire().allowed()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(rate.tryAcquire().allowed()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        var refused = rate.tryAcquire();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(30);
    }

    @Test
    void theWholeLimitComesBackWhenTheMinuteEnds() {
        var rate = rate(2, "a");
        rate.tryAcquire();
        rate.tryAcquire();

        clock.advance(Duration.ofMillis(59_999));
        assertThat(rate.tryAcquire().allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(rate.tryAcquire().allowed()).isTrue();
        assertThat(rate.tryAcquire().allowed()).isTrue();
        assertThat(rate.tryAcquire().allowed()).isFalse();
    }

    @Test
    void refusedFramesDoNotCountAndConnectionsCountApart() {
        var rate = rate(1, "a");
        rate.tryAcquire();
        for (int i = 1; i < 100; i++) {
            assertThat(rate.tryAcquire().allowed()).isFalse();
        }
        assertThat(rate(1, "b").tryAcquire().allowed()).isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(rate.tryAcquire().allowed()).isTrue();
    }
}
