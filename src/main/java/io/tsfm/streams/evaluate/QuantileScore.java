package io.tsfm.streams.evaluate;

/**
 * The scoring maths of a quantile forecast against one realised value, kept apart from the harness
 * so that every formula is tested by hand-computed cases.
 */
public final class QuantileScore {

    private QuantileScore() {
    }

    /**
     * Pinball (quantile) loss of forecast {@code f} for level {@code q} when {@code y} happened:
     * {@code q * (y - f)} when y is at or above f, else {@code (1 - q) * (f - y)}.
     */
    public static double pinball(final double q, final double f, final double y) {
        if (!(q > 0.0 && q < 1.0)) {
            throw new IllegalArgumentException("level must be in (0,1): " + q);
        }
        final double diff = y - f;
        return diff >= 0.0 ? q * diff : (q - 1.0) * diff;
    }

    /** Whether {@code y} lies inside the closed band [lo, hi]. */
    public static boolean covered(final double lo, final double hi, final double y) {
        return y >= lo && y <= hi;
    }
}
