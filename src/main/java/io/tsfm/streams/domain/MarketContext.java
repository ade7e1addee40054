package io.tsfm.streams.domain;

import java.time.Instant;

/**
 * A market's model input at one boundary: forward-filled step closes ending at {@code asOfMs}, plus what
 * the gates need (how many steps were observed, the widest gap, the last tick, the liquidity bucket).
 */
public record MarketContext(
        long asOfMs,
        long stepMs,
        double[] values,
        int observedSteps,
        long maxGapMs,
        long lastTickMs,
        String liquidityBucket) {

    public int length() {
        return values.length;
    }

    /** Close time of value {@code i}; the last value closes at as_of. */
    public long closeAt(final int i) {
        return asOfMs - (long) (values.length - 1 - i) * stepMs;
    }

    /** ISO-8601 close times of every value, as tollama wants them. */
    public String[] isoTimestamps() {
        final String[] out = new String[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Instant.ofEpochMilli(closeAt(i)).toString();
        }
        return out;
    }

    /** Time from the last tick to as_of. */
    public long sinceLastTickMs() {
        return asOfMs - lastTickMs;
    }
}
