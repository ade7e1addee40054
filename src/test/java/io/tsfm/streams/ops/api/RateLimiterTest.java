package io.tsfm.streams.ops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);

    @Test
    void allowsABurstOfThePerMinuteLimitThenAsksToRetryWhenOneTokenIsBack() {
        final RateLimiter limiter = new RateLimiter(3, now::get);

        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision(true, 0));
        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision(true, 0));
        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision(true, 0));
        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision(false, 20));
    }

    @Test
    void refillsEvenlyAtThePerMinuteRate() {
        final RateLimiter limiter = new RateLimiter(60, now::get);
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision(false, 1));

        now.addAndGet(SECOND);

        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision(true, 0));
        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
    }

    @Test
    void countsDownTheRetryAfterAsTimePasses() {
        final RateLimiter limiter = new RateLimiter(2, now::get);
        limiter.tryAcquire("alice");
        limiter.tryAcquire("alice");

        assertThat(limiter.tryAcquire("alice").retryAfterSeconds()).isEqualTo(30);
        now.addAndGet(10 * SECOND);
        assertThat(limiter.tryAcquire("alice").retryAfterSeconds()).isEqualTo(20);
        now.addAndGet(19 * SECOND + SECOND / 2);
        assertThat(limiter.tryAcquire("alice").retryAfterSeconds()).isEqualTo(1);
        now.addAndGet(SECOND / 2);
        assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
    }

    @Test
    void neverHoldsMoreThanOneMinutesWorthOfTokens() {
        final RateLimiter limiter = new RateLimiter(2, now::get);
        now.addAndGet(3600 * SECOND);

        assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
    }

    @Test
    void keepsOneBucketPerIdentity() {
        final RateLimiter limiter = new RateLimiter(1, now::get);

        assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision(false, 60));
        assertThat(limiter.tryAcquire("bob").allowed()).isTrue();
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new RateLimiter(0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
