package se.fragafacket.telegram;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import se.fragafacket.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fragafacket.telegram.ChatRateLimiter.Decision.ALLOW;
import static se.fragafacket.telegram.ChatRateLimiter.Decision.DROP;
import static se.fragafacket.telegram.ChatRateLimiter.Decision.WARN;

class ChatRateLimiterTests {

    private final MovableClock clock = new MovableClock();
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
        clock.advance(Duration.ofSeconds(30));
        limiter.check(1);
        limiter.check(1);
        assertThat(limiter.check(1)).isEqualTo(WARN);

        clock.advance(Duration.ofSeconds(31)); // the first question has left the window
        assertThat(limiter.check(1)).isEqualTo(ALLOW);
        assertThat(limiter.check(1)).isEqualTo(WARN);
    }
}
