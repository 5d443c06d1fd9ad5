package se.fragafacket.telegram;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import se.fragafacket.MovableClock;
import se.fragafacket.limits.LocalBucketStore;
import se.fragafacket.limits.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fragafacket.telegram.ChatRateLimiter.Decision.ALLOW;
import static se.fragafacket.telegram.ChatRateLimiter.Decision.DROP;
import static se.fragafacket.telegram.ChatRateLimiter.Decision.WARN;

class ChatRateLimiterTests {

    private final MovableClock clock = new MovableClock();
    private final ChatRateLimiter limiter = new ChatRateLimiter(
            new RateLimit("telegram", 3, Duration.ofMinutes(1), new LocalBucketStore(clock, 1000)));

    @Test
    void warnsOnceWhenAChatAsksMoreThanTheLimitThenStaysQuiet() {
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(WARN);
        assertThat(limiter.check(1)).isEqualTo(DROP);
        assertThat(limiter.check(1)).isEqualTo(DROP);
    }

    @Test
    void countsEachChatApart() {
        for (int i = 0; i < 3; i++) {
            limiter.check(1);
        }
        assertThat(limiter.check(1)).isEqualTo(WARN);
        assertThat(limiter.check(2)).isEqualTo(ALLOW);
    }

    @Test
    void answersAgainOnceTheWindowHasEnded() {
        limiter.check(1);
        clock.advance(Duration.ofSeconds(30));
        limiter.check(1);
        limiter.check(1);
        assertThat(limiter.check(1)).isEqualTo(WARN);

        clock.advance(Duration.ofSeconds(29)); // the chat's minute (from its first question) is not over
        assertThat(limiter.check(1)).isEqualTo(DROP);

        clock.advance(Duration.ofSeconds(1)); // it is: the whole limit is back, and a warning would come again
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(WARN);
    }
}
