package io.tsfm.streams.domain;

/**
 * The score of one forecast step against its realised value: where the value fell, the pinball loss of
 * each quantile, and the band width. Pure maths, shared by the stream scorer and the offline evaluations.
 *
 * <p>Pinball loss of level {@code tau} with quantile {@code q} and realised {@code y}:
 * {@code tau * (y - q)} when {@code y >= q}, else {@code (1 - tau) * (q - y)}. The band is the lowest to
 * the highest quantile; a value on its edge is inside, and so is one within {@link #EDGE_TOLERANCE} of it:
 * a band edge that went through the logit and back, or through a model's float answer, misses an exact
 * price such as 0.45 by up to about 1e-7, and counting that as a miss would teach the calibrators
 * misses that never happened.
 */
public record BandScore(double realised, double[] quantiles, BandOutcome outcome, double[] pinball, double width) {
    /**
     * How far outside a band edge (in probability) a realised value still counts as on it: above the
     * float precision of a model's answer mapped back from the logit (about 1e-7 at worst), far below
     * any market's price tick (0.0001 or more).
     */
    public static final double EDGE_TOLERANCE = 1e-6;

    public static BandScore of(final double[] levels, final double[] quantiles, final double realised) {
        if (levels.length == 0 || levels.length != quantiles.length) {
            throw new IllegalArgumentException("one quantile per level is required");
        }
        final double[] loss = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            loss[i] = pinball(levels[i], quantiles[i], realised);
        }
        final double lo = quantiles[0];
        final double hi = quantiles[quantiles.length - 1];
        return new BandScore(realised, quantiles.clone(), outcome(lo, hi, realised), loss, hi - lo);
    }

    /** Where {@code realised} falls against the band {@code [lo, hi]}, edges (within the tolerance) inside. */
    public static BandOutcome outcome(final double lo, final double hi, final double realised) {
        return realised < lo - EDGE_TOLERANCE
                ? BandOutcome.BELOW
                : realised > hi + EDGE_TOLERANCE ? BandOutcome.ABOVE : BandOutcome.INSIDE;
    }

    public static double pinball(final double level, final double quantile, final double realised) {
        return realised >= quantile ? level * (realised - quantile) : (1.0 - level) * (quantile - realised);
    }

    /** Mean pinball loss over the levels. */
    public double meanPinball() {
        return meanOf(pinball);
    }

    public static double meanOf(final double[] losses) {
        double sum = 0.0;
        for (final double l : losses) {
            sum += l;
        }
        return sum / losses.length;
    }

    public boolean inside() {
        return outcome == BandOutcome.INSIDE;
    }
}
