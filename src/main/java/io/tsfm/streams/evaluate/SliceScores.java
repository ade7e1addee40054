package io.tsfm.streams.evaluate;

/**
 * Scores of one served band over a slice of (forecast, horizon step) pairs.
 *
 * @param pairs        scored pairs in the slice
 * @param coverage     share of realised values inside [lowest, highest] quantile, ends included
 * @param pinball      mean pinball loss, averaged over the quantile levels and the pairs
 * @param width        mean width of the served band (highest minus lowest quantile)
 * @param scale        mean width scale served (1 where the step was left uncalibrated)
 * @param appliedShare share of pairs whose step was calibrated (the segment had the minimum samples)
 */
public record SliceScores(long pairs, double coverage, double pinball, double width, double scale,
                          double appliedShare) {

    /** Distance of the coverage from a target, in coverage units (0.01 = one percentage point). */
    public double deviation(final double target) {
        return Math.abs(coverage - target);
    }
}
