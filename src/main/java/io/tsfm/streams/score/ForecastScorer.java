package io.tsfm.streams.score;

import io.tsfm.streams.calibrate.BandCalibration;
import io.tsfm.streams.calibrate.BandScaler;
import io.tsfm.streams.calibrate.QuantileSanitizer;
import io.tsfm.streams.domain.BandScore;
import io.tsfm.streams.domain.OpenForecast;
import io.tsfm.streams.domain.QuantilePaths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores an open forecast against its realised grid values: the served band and the band that would have
 * been served without calibration (the base band, post-processed), step by step; and each step's errors
 * against the lower and the upper side of the base band ({@link BandScaler}, floored at the market's tick),
 * which is what the calibrators of that step's band shape learn from. Pure.
 */
public final class ForecastScorer {
    private final QuantileSanitizer sanitizer;
    private final BandScaler scaler;
    private final long stepMs;
    private final double targetCoverage;

    public ForecastScorer(
            final QuantileSanitizer sanitizer,
            final BandScaler scaler,
            final long stepMs,
            final double targetCoverage) {
        this.sanitizer = sanitizer;
        this.scaler = scaler;
        this.stepMs = stepMs;
        this.targetCoverage = targetCoverage;
    }

    /**
     * The score record plus the per-step scores and calibration errors behind it; {@code flat[k]} says whether
     * the base band had no width at step k (which calibrators learn from it).
     */
    public record Result(
            ForecastScore record,
            List<BandScore> served,
            List<BandScore> uncalibrated,
            double[] lowerErrors,
            double[] upperErrors,
            boolean[] flat,
            double[] realised) {}

    /** A band's errors against realised values, step by step: what a calibrator of that band learns from. */
    public record Errors(double[] lower, double[] upper, boolean[] flat) {}

    /** The errors of {@code band} ({@code [level][step]}) against the realised path, floored at {@code tick}. */
    public Errors errors(final double[][] band, final double[] realised, final double tick) {
        final QuantilePaths paths = new QuantilePaths(scaler.levels(), band);
        final double[] lower = new double[realised.length];
        final double[] upper = new double[realised.length];
        final boolean[] flat = new boolean[realised.length];
        for (int k = 0; k < realised.length; k++) {
            final double[] step = BandCalibration.stepBand(paths, k);
            lower[k] = scaler.lowerError(step, realised[k], tick);
            upper[k] = scaler.upperError(step, realised[k], tick);
            flat[k] = scaler.flat(step);
        }
        return new Errors(lower, upper, flat);
    }

    /**
     * Scores a forecast against the realised closes of its horizon.
     *
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
        final Errors errors = errors(f.base(), realised, f.tick());
        int observed = 0;
        for (int k = 0; k < horizon; k++) {
            if (!Double.isNaN(closes[k])) {
                observed++;
            }
            final BandScore s = BandScore.of(levels, BandCalibration.stepBand(served, k), realised[k]);
            final BandScore u = BandScore.of(levels, BandCalibration.stepBand(uncalibrated, k), realised[k]);
            servedScores.add(s);
            uncalibratedScores.add(u);
            steps.add(new ForecastScore.Step(
                    k + 1,
                    Instant.ofEpochMilli(f.asOfMs() + (k + 1) * stepMs).toString(),
                    realised[k],
                    ForecastScore.Band.of(s),
                    ForecastScore.Band.of(u)));
        }
        final ForecastScore record = new ForecastScore(
                ForecastScore.SCHEMA_VERSION,
                f.marketId(),
                Instant.ofEpochMilli(f.asOfMs()).toString(),
                Instant.ofEpochMilli(scoredAt).toString(),
                f.runtime(),
                f.modelName(),
                f.fallbackReason(),
                f.segment(),
                targetCoverage,
                observed,
                f.calibration(),
                ForecastScore.Summary.of(servedScores),
                ForecastScore.Summary.of(uncalibratedScores),
                steps,
                f.shadow() ? Boolean.TRUE : null);
        return new Result(
                record, servedScores, uncalibratedScores, errors.lower(), errors.upper(), errors.flat(), realised);
    }
}
