package io.tsfm.streams.canary;

/**
 * One metrics window (5 minutes unless the input says otherwise). Rates are fractions (0.02 = 2 %).
 * Values must be non-negative and not NaN; {@code +Infinity} is allowed (Prometheus reports a p95 above
 * the largest histogram bucket, or a ratio over a zero denominator, that way) and exceeds every limit.
 */
public record Window(
        double p95LatencyMs, double errorRate, double fallbackRate, double breakerOpenRate, double invalidOutputRate) {

    public Window {
        check("p95_latency_ms", p95LatencyMs);
        check("error_rate", errorRate);
        check("fallback_rate", fallbackRate);
        check("breaker_open_rate", breakerOpenRate);
        check("invalid_output_rate", invalidOutputRate);
    }

    private static void check(final String name, final double value) {
        if (Double.isNaN(value) || value < 0.0) {
            throw new IllegalArgumentException(name + " must be a number >= 0, got " + value);
        }
    }
}
