package io.tsfm.streams.score;

import io.tsfm.streams.calibrate.BandCalibration;
import io.tsfm.streams.calibrate.BandScaler;
import io.tsfm.streams.calibrate.QuantileSanitizer;
import io.tsfm.streams.calibrate.ServedBandError;
import io.tsfm.streams.forecast.OpenForecast;
import io.tsfm.streams.forecast.QuantilePaths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores an open forecast against its realised grid values: the served band and the band that would have
 * been served without calibration (the base band, post-processed), step by step; and each step's
 * calibration error, the smallest width scale at which the band as served (scaled, then post-processed
 * with its width bounds) covers the realised value ({@link ServedBandError}), which is what the
 * calibrators learn from: docs/calibration.md shows why the base band's own error misses. Pure.
 */
public final class ForecastScorer {
    private final QuantileSanitizer sanitizer;
    private final BandScaler scaler;
    /** The error the calibrators learn from: against the band as served (null without a 0.5 level). */
    private final ServedBandError servedError;
    private final long stepMs;
    private final double targetCoverage;

    public ForecastScorer(final QuantileSanitizer sanitizer, final BandScaler scaler, final long stepMs,
                          final double targetCoverage) {
        this.sanitizer = sanitizer;
        this.scaler = scaler;
        this.servedError = hasMedian(scaler.levels())
                ? new ServedBandError(scaler, sanitizer.minWidth(), sanitizer.maxWidth()) : null;
        this.stepMs = stepMs;
        this.targetCoverage = targetCoverage;
    }

    private static boolean hasMedian(final double[] levels) {
        for (final double l : levels) {
            if (l == 0.5) {
                return levels.length > 1;
            }
        }
        return false;
    }

    /** The score record plus the per-step scores and calibration errors behind it. */
    public record Result(ForecastScore record, List<BandScore> served, List<BandScore> uncalibrated,
                         double[] errors) {
    }

    /**
     * @param closes   per horizon step, the last tick of the step (NaN when it had none)
     * @param scoredAt event time at which the horizon counted as realised
     */
    public Result score(final OpenForecast f, final double[] closes, final long scoredAt) {
        final double[] levels = f.levels();
        final QuantilePaths base = new QuantilePaths(levels, f.base());
        final QuantilePaths served = new QuantilePaths(levels, f.served());
        final QuantilePaths uncalibrated = sanitizer.sanitize(base).paths();
        final int horizon = base.horizon();
        if (closes.length != horizon) {
            throw new IllegalArgumentException("one close per horizon step is required");
        }
        final double[] realised = RealisedPath.of(f.anchor(), closes);
        final List<BandScore> servedScores = new ArrayList<>(horizon);
        final List<BandScore> uncalibratedScores = new ArrayList<>(horizon);
        final List<ForecastScore.Step> steps = new ArrayList<>(horizon);
        final double[] errors = new double[horizon];
        int observed = 0;
        for (int k = 0; k < horizon; k++) {
            if (!Double.isNaN(closes[k])) {
                observed++;
            }
            final BandScore s = BandScore.of(levels, BandCalibration.stepBand(served, k), realised[k]);
            final BandScore u = BandScore.of(levels, BandCalibration.stepBand(uncalibrated, k), realised[k]);
            servedScores.add(s);
            uncalibratedScores.add(u);
            final double[] baseBand = BandCalibration.stepBand(base, k);
            errors[k] = servedError != null ? servedError.error(baseBand, realised[k])
                    : scaler.error(baseBand, realised[k]);
            steps.add(new ForecastScore.Step(k + 1, Instant.ofEpochMilli(f.asOfMs() + (k + 1) * stepMs).toString(),
                    realised[k], ForecastScore.Band.of(s), ForecastScore.Band.of(u)));
        }
        final ForecastScore record = new ForecastScore(ForecastScore.SCHEMA_VERSION, f.marketId(),
                Instant.ofEpochMilli(f.asOfMs()).toString(), Instant.ofEpochMilli(scoredAt).toString(), f.runtime(),
                f.modelName(), f.fallbackReason(), f.segment(), targetCoverage, observed, f.calibration(),
                ForecastScore.Summary.of(servedScores), ForecastScore.Summary.of(uncalibratedScores), steps,
                f.shadow() ? Boolean.TRUE : null);
        return new Result(record, servedScores, uncalibratedScores, errors);
    }
}
