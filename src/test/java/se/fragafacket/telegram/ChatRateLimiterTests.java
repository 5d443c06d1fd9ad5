package se.fragafacket.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fragafacket.telegram.ChatRateLimiter.Decision.ALLOW;
import static se.fragafacket.telegram.ChatRateLimiter.Decision.DROP;
import static se.fragafacket.telegram.ChatRateLimiter.Decision.WARN;

class ChatRateLimiterTests {

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final ChatRateLimiter limiter = new ChatRateLimiter(3, Duration.ofMinutes(1), clock);

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
    void answersAgainOnceTheWindowHasRoom() {
        limiter.check(1);
        clock.now = clock.now.plusSeconds(30);
        limiter.check(1);
        limiter.check(1);
        assertThat(limiter.check(1)).isEqualTo(WARN);

        clock.now = clock.now.plusSeconds(31); // the first question has left the window
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(WARN);
    }
}
