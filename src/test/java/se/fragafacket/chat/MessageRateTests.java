package se.fragafacket.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRateTests {

    @Test
    void refusesTheFrameOverTheLimitWithinAMinute() {
        var rate = new MessageRate(3);

        assertThat(rate.tryAcquire(0)).isTrue();
        assertThat(rate.tryAcquire(10_000)).isTrue();
        assertThat(rate.tryAcquire(20_000)).isTrue();
        assertThat(rate.tryAcquire(30_000)).isFalse();
        assertThat(rate.secondsToWait(30_000)).isEqualTo(30);
    }

    @Test
    void aSlidingMinuteLetsFramesInAgainAsTheOldestAge() {
        var rate = new MessageRate(2);
        rate.tryAcquire(0);
        rate.tryAcquire(30_000);

        assertThat(rate.tryAcquire(59_999)).isFalse();
        assertThat(rate.tryAcquire(60_000)).isTrue();
        assertThat(rate.tryAcquire(60_001)).isFalse();
        assertThat(rate.tryAcquire(90_000)).isTrue();
    }

    @Test
    void refusedFramesDoNotCount() {
        var rate = new MessageRate(1);
        rate.tryAcquire(0);
        for (int i = 1; i < 100; i++) {
            rate.tryAcquire(i * 100);
        }

        assertThat(rate.tryAcquire(60_000)).isTrue();
    }
}
