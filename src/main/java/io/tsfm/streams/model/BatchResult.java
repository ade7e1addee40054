package io.tsfm.streams.model;

import java.util.Map;

/**
 * The outcome of one batched model call: per-series outcomes when the call answered, or one failure
 * kind for the whole batch ({@code timeout}, {@code http_503}, {@code connection}, {@code circuit_breaker_open},
 * {@code invalid_payload:<why>}). Latency is wall-clock and volatile: it is reported, never decided on.
 */
public record BatchResult(
        Map<String, SeriesOutcome> outcomes, String failureKind, String failureDetail, long latencyMs, int attempts) {

    public static BatchResult success(
            final Map<String, SeriesOutcome> outcomes, final long latencyMs, final int attempts) {
        return new BatchResult(Map.copyOf(outcomes), null, null, latencyMs, attempts);
    }

    public static BatchResult failure(
            final String kind, final String detail, final long latencyMs, final int attempts) {
        return new BatchResult(Map.of(), kind, detail, latencyMs, attempts);
    }

    public boolean failed() {
        return failureKind != null;
    }
}
