package io.tsfm.streams.metrics;

import static io.tsfm.streams.metrics.MetricNames.*;

import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.domain.TickRejection;
import java.util.List;

/**
 * The known counter series, created at zero by {@link TsfmMetrics} so that rules and dashboards find every
 * metric from the first scrape and rate() sees the step from 0 to 1 instead of a series appearing.
 */
final class KnownSeries {
    private KnownSeries() {}

    /** Registers them in {@code counters}, each with the description its counting site gives. */
    static void register(final CounterCache counters) {
        for (final String runtime : List.of("tollama", "baseline")) {
            counters.get(FORECASTS, "Forecasts published, by runtime (tollama or baseline)", "runtime", runtime);
        }
        for (final String reason : List.of(
                FallbackReasons.TOO_FEW_POINTS,
                FallbackReasons.BASELINE_ONLY_LIQUIDITY_BUCKET,
                FallbackReasons.MAX_GAP_EXCEEDED,
                FallbackReasons.CIRCUIT_BREAKER_OPEN,
                FallbackReasons.DEADLINE_EXCEEDED)) {
            counters.get(FALLBACK, "Baseline answers, by fallback reason", "reason", reason);
        }
        counters.get(
                INVALID_OUTPUT, "Forecasts with a step violating 0<=q_low<=q_mid<=q_high<=1 after post-processing");
        counters.get(QUANTILE_CROSSING, "Forecasts whose quantiles crossed and were sorted");
        counters.get(LATE_ANSWERS, "Model answers dropped because their job was already resolved");
        counters.get(CYCLES, "Cycles run (one per boundary per task)");
        for (final String runtime : List.of("tollama", "baseline")) {
            counters.get(FORECASTS_SCORED, "Forecasts scored against realised values, by runtime", "runtime", runtime);
        }
        counters.get(TICKS, "Valid ticks processed");
        counters.get(STREAM_THREAD_FAILURES, "Stream threads that died on an unexpected exception and were replaced");
        for (final String why : List.of(
                FallbackReasons.INVALID_QUANTILE_SET_MISMATCH,
                FallbackReasons.INVALID_HORIZON_MISMATCH,
                FallbackReasons.INVALID_NON_FINITE_VALUE,
                FallbackReasons.INVALID_MISSING_SERIES)) {
            counters.get(INVALID_PAYLOAD, "Series of a model answer rejected by payload validation", "why", why);
        }
        for (final String reason : List.of(
                TickRejection.EMPTY_VALUE,
                TickRejection.MALFORMED_JSON,
                TickRejection.NOT_AN_OBJECT,
                TickRejection.MISSING_FIELD,
                TickRejection.WRONG_TYPE,
                TickRejection.NON_FINITE,
                TickRejection.OUT_OF_RANGE,
                TickRejection.UNPARSEABLE_TIMESTAMP,
                TickRejection.ABSURD_TIMESTAMP,
                TickRejection.KEY_MISMATCH)) {
            counters.get(DLQ, "Ticks sent to the dead-letter topic, by reason", "reason", reason);
        }
    }
}
