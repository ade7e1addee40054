package io.tsfm.streams.cycle;

import io.tsfm.streams.calibrate.CalibrationSettings;
import io.tsfm.streams.domain.Transform;
import io.tsfm.streams.drift.DriftSettings;
import io.tsfm.streams.rollout.RolloutPolicy;
import java.time.Duration;
import java.util.Set;

/**
 * The forecasting settings the cycle engine, its scoring and the forecast factory need, read once from the config
 * ({@code AppConfig#forecastSettings}).
 */
public record ForecastSettings(
        Duration step,
        String freq,
        int inputLen,
        int horizon,
        double[] levels,
        int minPoints,
        Set<String> baselineOnlyBuckets,
        long maxGapMs,
        Transform transform,
        String baselineMethod,
        double ewmaAlpha,
        double minWidth,
        double maxWidth,
        long cycleGraceMs,
        long jobDeadlineMs,
        long drainIntervalMs,
        int cycleSliceMarkets,
        int seriesPerRequest,
        String modelVersion,
        long cycleWindowStartMs,
        long cycleWindowEndMs,
        CalibrationSettings calibration,
        RolloutPolicy rollout,
        double shadowMatchDistance,
        DriftSettings drift) {

    /** These settings with another grid, horizon, levels and transform: the shape of one on-demand request. */
    public ForecastSettings reshaped(
            final Duration newStep,
            final String newFreq,
            final int newHorizon,
            final double[] newLevels,
            final Transform newTransform) {
        return new ForecastSettings(
                newStep,
                newFreq,
                inputLen,
                newHorizon,
                newLevels.clone(),
                minPoints,
                baselineOnlyBuckets,
                maxGapMs,
                newTransform,
                baselineMethod,
                ewmaAlpha,
                minWidth,
                maxWidth,
                cycleGraceMs,
                jobDeadlineMs,
                drainIntervalMs,
                cycleSliceMarkets,
                seriesPerRequest,
                modelVersion,
                cycleWindowStartMs,
                cycleWindowEndMs,
                calibration,
                rollout,
                shadowMatchDistance,
                drift);
    }

    /**
     * Whether a cycle runs at this boundary: up to the window's end. Cycles before the window's start run
     * silently (a replay's warm-up): their forecasts are scored to rebuild the calibration, never published.
     */
    public boolean cycleRuns(final long boundaryMs) {
        return boundaryMs <= cycleWindowEndMs;
    }

    /** Whether forecasts (and their fallback events and scores) at this as_of are published. */
    public boolean publishes(final long asOfMs) {
        return asOfMs >= cycleWindowStartMs && asOfMs <= cycleWindowEndMs;
    }

    /** Steps before the window that may seed the forward fill: one more than the largest allowed gap. */
    public int lookbackSteps() {
        return (int) Math.ceil((double) maxGapMs / step.toMillis()) + 1;
    }

    /** How long the step store keeps a window: the context, the look-back, the grace and one spare step. */
    public Duration stepRetention() {
        return step.multipliedBy(inputLen + lookbackSteps() + 1L).plusMillis(cycleGraceMs);
    }
}
