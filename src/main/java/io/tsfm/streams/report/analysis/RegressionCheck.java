package io.tsfm.streams.report.analysis;

import io.tsfm.streams.domain.NormalQuantile;

/**
 * Whether forecast quality regressed from one period to the next: a one-sided two-sample test on the mean
 * of each period's per-boundary loss series (the mean pinball of a model's forecasts of a segment at each
 * 5-minute boundary, in time order), each mean's variance taken from its {@link LongRunVariance} so that
 * the dependence between consecutive boundaries is accounted for. The periods are different times, not
 * paired forecasts of the same targets, hence two samples rather than a Diebold-Mariano difference.
 *
 * <p>{@code z = (m1 - m0) / sqrt(LRV0 / n0 + LRV1 / n1)}, {@code p = 1 - Phi(z)}. A regression is flagged
 * when {@code p < alpha} and the relative change {@code (m1 - m0) / m0} is at least {@code minEffect}: a
 * change too small to matter is not flagged however significant. Fewer than {@code minBoundaries} on a
 * side: no verdict.
 *
 * @param alpha         the test's level, e.g. 0.05
 * @param minEffect     the smallest relative rise of the mean loss worth a finding, e.g. 0.10
 * @param minBoundaries the fewest boundaries per period to test at all, e.g. 24 (two hours)
 */
public record RegressionCheck(double alpha, double minEffect, int minBoundaries) {

    /** The report's settings: 5 % level, a rise of a tenth or more, two hours of boundaries. */
    public static final RegressionCheck DEFAULT = new RegressionCheck(0.05, 0.10, 24);

    public RegressionCheck {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        if (!(minEffect >= 0.0)) {
            throw new IllegalArgumentException("minEffect must be >= 0: " + minEffect);
        }
        if (minBoundaries < 2) {
            throw new IllegalArgumentException("minBoundaries must be >= 2: " + minBoundaries);
        }
    }

    /** The verdict on one model and segment. */
    public enum Verdict {
        REGRESSED,
        UNCHANGED,
        IMPROVED,
        TOO_FEW_BOUNDARIES
    }

    /**
     * The test's figures: sizes, means, the relative change, z, the one-sided p-value and the verdict. z, p
     * and the relative change are NaN when there are too few boundaries.
     */
    public record Outcome(
            int previousBoundaries,
            int currentBoundaries,
            double previousMean,
            double currentMean,
            double relativeChange,
            double z,
            double pValue,
            Verdict verdict) {
        public boolean regressed() {
            return verdict == Verdict.REGRESSED;
        }
    }

    /**
     * Tests the current period's per-boundary losses against the previous period's.
     *
     * @param previous the previous period's per-boundary losses, in time order
     * @param current  this period's, in time order
     */
    public Outcome test(final double[] previous, final double[] current) {
        if (previous.length < minBoundaries || current.length < minBoundaries) {
            return new Outcome(
                    previous.length,
                    current.length,
                    previous.length == 0 ? Double.NaN : LongRunVariance.mean(previous),
                    current.length == 0 ? Double.NaN : LongRunVariance.mean(current),
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Verdict.TOO_FEW_BOUNDARIES);
        }
        final double m0 = LongRunVariance.mean(previous);
        final double m1 = LongRunVariance.mean(current);
        final double se = Math.sqrt(LongRunVariance.prewhitened(previous) / previous.length
                + LongRunVariance.prewhitened(current) / current.length);
        final double diff = m1 - m0;
        final double z = se > 0.0 ? diff / se : diff == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        final double p = 1.0 - NormalQuantile.cdf(z);
        final double relative = m0 > 0.0 ? diff / m0 : Double.NaN;
        final Verdict verdict;
        if (p < alpha && relative >= minEffect) {
            verdict = Verdict.REGRESSED;
        } else if (1.0 - p < alpha && -relative >= minEffect) {
            verdict = Verdict.IMPROVED;
        } else {
            verdict = Verdict.UNCHANGED;
        }
        return new Outcome(previous.length, current.length, m0, m1, relative, z, p, verdict);
    }
}
