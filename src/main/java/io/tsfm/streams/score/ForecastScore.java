package io.tsfm.streams.score;

import io.tsfm.streams.domain.BandScore;
import io.tsfm.streams.domain.CalibrationMeta;
import java.util.List;

/**
 * One record of the scores topic: a forecast judged against its realised grid values, once the task's
 * event time has passed its last step. {@code served} is the band that was published; {@code
 * uncalibrated} is the band that would have been published without online calibration, so both can be
 * compared from the same record. Baseline and model forecasts are scored alike; {@code shadow} is true for
 * the score of a rollout candidate's shadow forecast (never served), absent otherwise.
 */
public record ForecastScore(
        int schemaVersion,
        String marketId,
        String asOfTs,
        String scoredAtTs,
        String runtime,
        String modelName,
        String fallbackReason,
        String segment,
        double targetCoverage,
        int observedSteps,
        CalibrationMeta calibration,
        Summary served,
        Summary uncalibrated,
        List<Step> steps,
        Boolean shadow) {
    public static final int SCHEMA_VERSION = 1;

    /** One horizon step: its close time, the realised value, and both bands' scores. */
    public record Step(int step, String ts, double realised, Band served, Band uncalibrated) {}

    /** One band at one step: its quantiles (level order), where the value fell, pinball per quantile, width. */
    public record Band(double[] quantiles, String outcome, double[] pinball, double width) {
        public static Band of(final BandScore s) {
            return new Band(s.quantiles(), s.outcome().label(), s.pinball(), s.width());
        }

        /** Mean pinball loss over the quantiles. */
        public double meanPinball() {
            return BandScore.meanOf(pinball);
        }
    }

    /** Over all steps: share inside, below, above; mean pinball (over steps and quantiles); mean width. */
    public record Summary(double coverage, double below, double above, double meanPinball, double meanWidth) {
        public static Summary of(final List<BandScore> scores) {
            int inside = 0;
            int below = 0;
            int above = 0;
            double pinball = 0.0;
            double width = 0.0;
            for (final BandScore s : scores) {
                switch (s.outcome()) {
                    case INSIDE -> inside++;
                    case BELOW -> below++;
                    case ABOVE -> above++;
                    default -> throw new IllegalStateException();
                }
                pinball += s.meanPinball();
                width += s.width();
            }
            final double n = scores.size();
            return new Summary(inside / n, below / n, above / n, pinball / n, width / n);
        }
    }
}
