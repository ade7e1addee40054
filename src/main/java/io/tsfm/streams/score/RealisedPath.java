package io.tsfm.streams.score;

/**
 * The realised grid values of a forecast's horizon, built exactly like a context: each step's value is
 * the last tick of that step, forward-filled from the previous step, starting from the forecast's own
 * last context value (its anchor at as_of).
 */
public final class RealisedPath {
    private RealisedPath() {}

    /**
     * The realised value at each horizon step: the close, forward-filled from the anchor.
     *
     * @param anchor  the grid value at as_of (the last value of the forecast's context)
     * @param closes  {@code closes[h-1]} is the last tick of the step closing at as_of + h steps, or NaN when
     *                the step had no tick
     * @return the realised value of every horizon step
     */
    public static double[] of(final double anchor, final double[] closes) {
        if (!Double.isFinite(anchor)) {
            throw new IllegalArgumentException("anchor must be finite: " + anchor);
        }
        final double[] out = new double[closes.length];
        double current = anchor;
        for (int h = 0; h < closes.length; h++) {
            if (!Double.isNaN(closes[h])) {
                current = closes[h];
            }
            out[h] = current;
        }
        return out;
    }
}
