package io.tsfm.streams.metrics;

import static io.tsfm.streams.metrics.MetricNames.*;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The scoring's meters, behind {@link TsfmMetrics}: forecasts scored, scored steps by band and outcome,
 * their summed pinball loss and width, and the calibration scale served.
 */
final class ScoreMeters {
    private final MeterRegistry registry;
    private final CounterCache counters;
    private final ConcurrentMap<String, DistributionSummary> calibrationScales = new ConcurrentHashMap<>();

    ScoreMeters(final MeterRegistry registry, final CounterCache counters) {
        this.registry = registry;
        this.counters = counters;
    }

    void forecastsScored(final String runtime, final long count) {
        counters.get(FORECASTS_SCORED, "Forecasts scored against realised values, by runtime", "runtime", runtime)
                .increment((double) count);
    }

    void scoredSteps(
            final String runtime,
            final String model,
            final String segment,
            final String horizon,
            final String band,
            final String outcome,
            final long count) {
        counters.get(
                        SCORE_STEPS,
                        "Scored forecast steps, by band (served or uncalibrated) and outcome (inside, below, above)",
                        labels(runtime, model, segment, horizon, band, "outcome", outcome))
                .increment((double) count);
    }

    void scoreLoss(
            final String runtime,
            final String model,
            final String segment,
            final String horizon,
            final String band,
            final double pinballSum,
            final double widthSum) {
        counters.get(
                        SCORE_PINBALL,
                        "Sum over scored steps of the mean pinball loss of their quantiles",
                        labels(runtime, model, segment, horizon, band))
                .increment(pinballSum);
        counters.get(
                        SCORE_WIDTH,
                        "Sum over scored steps of the band width (highest minus lowest quantile)",
                        labels(runtime, model, segment, horizon, band))
                .increment(widthSum);
    }

    void calibrationScale(final String model, final String segment, final String horizon, final double scale) {
        calibrationScales
                .computeIfAbsent(
                        model + "|" + segment + "|" + horizon,
                        k -> DistributionSummary.builder(CALIBRATION_SCALE)
                                .description(
                                        "Width scale served per model, segment and horizon bucket, one sample per task, "
                                                + "cycle and horizon step")
                                .tags("model", model, "segment", segment, "horizon", horizon)
                                .register(registry))
                .record(scale);
    }

    /** The tags of a score series: runtime, model, segment, horizon bucket and band, then any more. */
    private static String[] labels(
            final String runtime,
            final String model,
            final String segment,
            final String horizon,
            final String band,
            final String... more) {
        final String[] base = {"runtime", runtime, "model", model, "segment", segment, "horizon", horizon, "band", band
        };
        final String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }
}
