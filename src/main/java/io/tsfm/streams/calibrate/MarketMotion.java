package io.tsfm.streams.calibrate;

/**
 * Whether a market is moving or flat at as_of, from its own recent context: flat when its grid values
 * over the last {@code lookbackSteps} steps (that many plus one values) stay within {@code threshold}. A flat market is
 * covered by any band, so it gets its own calibration segment and does not shrink the moving ones'.
 */
public record MarketMotion(int lookbackSteps, double threshold) {
    public static final String MOVING = "moving";
    public static final String FLAT = "flat";

    public MarketMotion {
        if (lookbackSteps < 1 || !(threshold >= 0.0)) {
            throw new IllegalArgumentException("lookbackSteps must be >= 1 and threshold >= 0");
        }
    }

    /** {@link #MOVING} or {@link #FLAT} for a context whose last value closes at as_of. */
    public String of(final double[] context) {
        final int from = Math.max(0, context.length - lookbackSteps - 1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < context.length; i++) {
            min = Math.min(min, context[i]);
            max = Math.max(max, context[i]);
        }
        return max - min > threshold ? MOVING : FLAT;
    }
}
