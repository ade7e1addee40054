package io.tsfm.streams.ops.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per key: {@code perMinute} requests of burst, refilled evenly at {@code perMinute / 60}
 * per second. Keyed by identity after authentication (as many keys as tokens), or by client address for
 * failed authentications, where at most {@value #MAX_KEYS} keys are kept (the least recently seen go first).
 * The clock is injected for tests.
 */
public final class RateLimiter {
    private static final double NANOS_PER_MINUTE = 60e9;
    /** Refills add up in floating point: a bucket this close to a whole token has it. */
    private static final double ROUNDING = 1e-9;

    private final int perMinute;
    private final LongSupplier nanoClock;
    static final int MAX_KEYS = 10_000;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** Whether a request may go ahead, and if not, after how many whole seconds one token is back. */
    public record Decision(boolean allowed, long retryAfterSeconds) {}

    private static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(final double tokens, final long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }

    public RateLimiter(final int perMinute, final LongSupplier nanoClock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1: " + perMinute);
        }
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    public RateLimiter(final int perMinute) {
        this(perMinute, System::nanoTime);
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes one token of the key's bucket when there is one. */
    public synchronized Decision tryAcquire(final String key) {
        return decide(key, true);
    }

    /** Whether the key's bucket has a token, without taking it. */
    public synchronized Decision peek(final String key) {
        return decide(key, false);
    }

    private Decision decide(final String key, final boolean take) {
        final long now = nanoClock.getAsLong();
        final Bucket b = buckets.computeIfAbsent(key, i -> new Bucket(perMinute, now));
        final double refill = (now - b.lastNanos) * perMinute / NANOS_PER_MINUTE;
        b.tokens = Math.min(perMinute, b.tokens + Math.max(0.0, refill));
        b.lastNanos = now;
        if (b.tokens >= 1.0 - ROUNDING) {
            if (take) {
                b.tokens = Math.max(0.0, b.tokens - 1.0);
            }
            return new Decision(true, 0);
        }
        final double secondsToOne = (1.0 - b.tokens) * 60.0 / perMinute;
        return new Decision(false, Math.max(1L, (long) Math.ceil(secondsToOne - ROUNDING)));
    }
}
