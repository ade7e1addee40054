package io.tsfm.streams.calibrate;

/**
 * A market's price tick, read off its own prices: the coarsest step of {@link #LADDER} that every value of
 * the context is a whole multiple of (PredictIt trades in 0.01, Polymarket's midpoints move by 0.0005), or 0
 * when the prices lie on no such grid. The band's narrowest non-zero half-width is one tick.
 */
public final class TickSize {
    /** The price grids prediction markets use, coarsest first. */
    static final double[] LADDER = {0.01, 0.005, 0.001, 0.0005, 0.0001, 0.00005, 0.00001};
    /** How far from a whole multiple (in ticks) a price may be and still lie on the grid (float noise). */
    private static final double SLACK = 1e-6;

    private TickSize() {}

    /** The tick of a context of probabilities (NaN values are skipped). */
    public static double of(final double[] values) {
        for (final double tick : LADDER) {
            if (onGrid(values, tick)) {
                return tick;
            }
        }
        return 0.0;
    }

    /** Whether every value is on the grid; a run of equal values (a still market) is checked once. */
    private static boolean onGrid(final double[] values, final double tick) {
        double previous = Double.NaN;
        for (final double v : values) {
            if (Double.isNaN(v) || v == previous) {
                continue;
            }
            previous = v;
            final double units = v / tick;
            if (Math.abs(units - Math.rint(units)) > SLACK) {
                return false;
            }
        }
        return true;
    }
}
