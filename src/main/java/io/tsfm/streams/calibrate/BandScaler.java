package io.tsfm.streams.calibrate;

import io.tsfm.streams.domain.BandScore;
import io.tsfm.streams.domain.NormalQuantile;
import io.tsfm.streams.domain.Transform;

/**
 * Measures and rescales a band around its centre, each side on its own, in the model's transform space
 * (logit by default): there bands are closest to symmetric and a scaled band never leaves [0,1].
 *
 * <p>The centre is the 0.5 quantile when there is one, else the middle of the outer band. Each side's
 * half-width is at least the market's price tick at the centre ({@link #floorBelow}, {@link #floorAbove}),
 * so a zero-width band (a model sure nothing moves) can still be widened by calibration, in whole ticks
 * rather than by nothing. The normalised error of a realised value {@code y} is its distance from the
 * centre over the floored half-width on its side, so 1 is that edge and a side scaled by {@code s} covers
 * {@code y} exactly when the error is at most s. A value within {@link BandScore#EDGE_TOLERANCE} of the
 * centre has error 0, and one on an edge error 1, as the scorer counts them.
 *
 * <p>In tick units ({@link #UNIT_TICK}, the configuration's default) each side's half-width is one tick, whatever the model's
 * band: the error is the distance from the centre in ticks, and a scale is a number of ticks. On real markets a
 * band drawn from one market's day of moves is mostly noise (a handful of moves, jumps among them), while the
 * moves of all markets of one tick size in one cell are many: their quantile in ticks is the better band (see
 * docs/calibration.md). A market whose prices lie on no tick grid falls back to the model's band.
 */
public final class BandScaler {
    /** Smallest half-band in transform space, so a band with no tick to floor it still gives a finite error. */
    static final double MIN_HALF = 1e-6;
    /** {@code calibration.error.unit}: errors in the market's price ticks around the centre. */
    public static final String UNIT_TICK = "tick";
    /** {@code calibration.error.unit}: errors over the model's band on each side, floored at one tick. */
    public static final String UNIT_BAND = "band";

    private final Transform transform;
    private final double[] levels;
    private final int centre;
    /** Per level, its normal quantile over the outer level's on its side: inner levels of a zero-width band. */
    private final double[] shape;
    /** Whether half-widths are one tick (where the market has one) instead of the model's band. */
    private final boolean tickUnits;

    /** A scaler of the model's band, floored at one tick ({@link #UNIT_BAND}). */
    public BandScaler(final Transform transform, final double[] levels) {
        this(transform, levels, false);
    }

    public BandScaler(final Transform transform, final double[] levels, final boolean tickUnits) {
        this.transform = transform;
        this.tickUnits = tickUnits;
        this.levels = levels.clone();
        int c = -1;
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == 0.5) {
                c = i;
            }
        }
        this.centre = c;
        this.shape = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            final double outer = levels[i] < 0.5 ? levels[0] : levels[levels.length - 1];
            shape[i] = levels[i] == 0.5 ? 0.0 : NormalQuantile.inverse(levels[i]) / NormalQuantile.inverse(outer);
        }
    }

    private double centreOf(final double[] q) {
        return centre >= 0
                ? transform.forward(q[centre])
                : (transform.forward(q[0]) + transform.forward(q[q.length - 1])) / 2.0;
    }

    /** The centre as a probability. */
    private double centreProbability(final double[] q) {
        return centre >= 0 ? q[centre] : transform.inverse(centreOf(q));
    }

    /** The narrowest lower half-width: one tick below the centre (in transform space). */
    public double floorBelow(final double[] q, final double tick) {
        final double p = centreProbability(q);
        return Math.max(MIN_HALF, transform.forward(p) - transform.forward(Math.max(p - tick, 0.0)));
    }

    /** The narrowest upper half-width: one tick above the centre (in transform space). */
    public double floorAbove(final double[] q, final double tick) {
        final double p = centreProbability(q);
        return Math.max(MIN_HALF, transform.forward(Math.min(p + tick, 1.0)) - transform.forward(p));
    }

    /** Whether a band of a market with this tick is measured in ticks (a market on no grid: by its band). */
    public boolean inTicks(final double tick) {
        return tickUnits && tick > 0;
    }

    private double halfBelow(final double[] q, final double c, final double tick) {
        return inTicks(tick) ? floorBelow(q, tick) : Math.max(c - transform.forward(q[0]), floorBelow(q, tick));
    }

    private double halfAbove(final double[] q, final double c, final double tick) {
        return inTicks(tick)
                ? floorAbove(q, tick)
                : Math.max(transform.forward(q[q.length - 1]) - c, floorAbove(q, tick));
    }

    /**
     * The error of {@code realised} against the lower side of the band {@code q} (one value per level,
     * ascending): 0 at or above the centre.
     */
    public double lowerError(final double[] q, final double realised, final double tick) {
        final double p = centreProbability(q);
        if (realised >= p - BandScore.EDGE_TOLERANCE) {
            return 0.0;
        }
        final double c = centreOf(q);
        return (c - transform.forward(realised + BandScore.EDGE_TOLERANCE)) / halfBelow(q, c, tick);
    }

    /** The error of {@code realised} against the upper side: 0 at or below the centre. */
    public double upperError(final double[] q, final double realised, final double tick) {
        final double p = centreProbability(q);
        if (realised <= p + BandScore.EDGE_TOLERANCE) {
            return 0.0;
        }
        final double c = centreOf(q);
        return (transform.forward(realised - BandScore.EDGE_TOLERANCE) - c) / halfAbove(q, c, tick);
    }

    /**
     * The band with each side's distances from the centre floored (see the class comment) and multiplied by
     * its scale; inner levels keep their place relative to the outer one on their side (in tick units, that of a
     * normal band's).
     */
    public double[] scale(final double[] q, final double lowerScale, final double upperScale, final double tick) {
        final double c = centreOf(q);
        final boolean ticks = inTicks(tick);
        final double below = ticks ? 0.0 : c - transform.forward(q[0]);
        final double above = ticks ? 0.0 : transform.forward(q[q.length - 1]) - c;
        final double flooredBelow = halfBelow(q, c, tick);
        final double flooredAbove = halfAbove(q, c, tick);
        final double[] out = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            final double d = ticks ? levels[i] - 0.5 : transform.forward(q[i]) - c;
            final double moved;
            if (d < 0 || (d == 0 && levels[i] < 0.5)) {
                moved = -lowerScale * (below > MIN_HALF ? -d * flooredBelow / below : shape[i] * flooredBelow);
            } else if (d > 0 || levels[i] > 0.5) {
                moved = upperScale * (above > MIN_HALF ? d * flooredAbove / above : shape[i] * flooredAbove);
            } else {
                moved = 0.0;
            }
            out[i] = i == centre ? q[i] : transform.inverse(c + moved);
        }
        return out;
    }

    /** Whether a step band has (next to) no width: a model sure the value stays where it is. */
    public boolean flat(final double[] q) {
        return transform.forward(q[q.length - 1]) - transform.forward(q[0]) <= 2 * MIN_HALF;
    }

    public double[] levels() {
        return levels.clone();
    }
}
