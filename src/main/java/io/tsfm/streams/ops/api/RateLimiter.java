package io.tsfm.streams.ops.api;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per identity: {@code perMinute} requests of burst, refilled evenly at
 * {@code perMinute / 60} per second. Identities are the configured ones only (the limit applies after
 * authentication), so the map stays as small as the token list. The clock is injected for tests.
 */
public final class RateLimiter {
    private static final double NANOS_PER_MINUTE = 60e9;
    /** Refills add up in floating point: a bucket this close to a whole token has it. */
    private static final double ROUNDING = 1e-9;

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    /** Whether a request may go ahead, and if not, after how many whole seconds one token is back. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

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

    /** Takes one token of the identity's bucket when there is one. */
    public synchronized Decision tryAcquire(final String identity) {
        final long now = nanoClock.getAsLong();
        final Bucket b = buckets.computeIfAbsent(identity, i -> new Bucket(perMinute, now));
        final double refill = (now - b.lastNanos) * perMinute / NANOS_PER_MINUTE;
        b.tokens = Math.min(perMinute, b.tokens + Math.max(0.0, refill));
        b.lastNanos = now;
        if (b.tokens >= 1.0 - ROUNDING) {
            b.tokens = Math.max(0.0, b.tokens - 1.0);
            return new Decision(true, 0);
        }
        final double secondsToOne = (1.0 - b.tokens) * 60.0 / perMinute;
        return new Decision(false, Math.max(1L, (long) Math.ceil(secondsToOne - ROUNDING)));
    }
}
