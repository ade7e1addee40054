package io.tsfm.streams.calibrate;


/**
 * An experimental normalised error that sees the post-processing width bounds: the smallest width scale
 * {@code s} at which the SERVED band, {@code sanitize(scale(base, s))}, covers the realised value. The
 * stream's error, {@link BandScaler#error}, is measured against the base band only; since post-processing
 * then widens every band narrower than the minimum width, a calibrator fed base-band errors reaches 80 %
 * on the base band and the served band covers more. Fed this error instead, a calibrator's quantile is
 * the scale at which the served band covers its target, wherever the width bounds allow it.
 *
 * <p>For a base step band with centre {@code c} (level 0.5) and base-band error {@code e}: let
 * {@code sMin} be the scale at which the scaled band is exactly {@code minWidth} wide and {@code sMax} the
 * scale at which it is {@code maxWidth} wide. Below {@code sMin} the served band is {@code c -/+ minWidth/2},
 * between them it is the scaled band (covering y exactly when {@code e <= s}), above {@code sMax} it is
 * {@code c -/+ maxWidth/2} (all clipped to [0,1]). So the error is 0 when the minimum band covers y, else
 * {@code max(e, sMin)} when {@code e <= sMax}, else {@code sMax} when the maximum band covers y, else
 * {@code e} (no served band covers y). Bands are assumed ascending (both forecasters' are).
 */
public final class ServedBandError {
    /** The calibrators' scale range ({@code QuantileTracker}'s bounds); widths are solved inside it. */
    private static final double LOW = 1e-3;
    private static final double HIGH = 1e3;
    private static final int ITERATIONS = 60;

    private final BandScaler scaler;
    private final double minWidth;
    private final double maxWidth;
    private final int centre;

    public ServedBandError(final BandScaler scaler, final double minWidth, final double maxWidth) {
        this.scaler = scaler;
        this.minWidth = minWidth;
        this.maxWidth = maxWidth;
        final double[] levels = scaler.levels();
        int c = -1;
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == 0.5) {
                c = i;
            }
        }
        if (c < 0 || levels.length < 2) {
            throw new IllegalArgumentException("the served-band error needs a 0.5 level and a band");
        }
        this.centre = c;
    }

    /** The smallest scale whose served band covers {@code realised} (see the class comment). */
    public double error(final double[] base, final double realised) {
        final double c = base[centre];
        if (inside(realised, c, minWidth)) {
            return 0.0;
        }
        final double e = scaler.error(base, realised);
        // the scaled band's width grows with the scale, so comparing widths at e places e against sMin and sMax
        final double widthAtE = width(base, e);
        if (widthAtE <= maxWidth) {
            return widthAtE >= minWidth ? e : scaleAtWidth(base, minWidth);
        }
        return inside(realised, c, maxWidth) ? scaleAtWidth(base, maxWidth) : e;
    }

    private static boolean inside(final double y, final double centre, final double width) {
        return y >= clip(centre - width / 2.0) && y <= clip(centre + width / 2.0);
    }

    /** The scale at which the scaled band is {@code width} wide, by bisection on the log scale. */
    double scaleAtWidth(final double[] base, final double width) {
        if (width(base, LOW) >= width) {
            return LOW;
        }
        if (width(base, HIGH) < width) {
            return HIGH;
        }
        double lo = Math.log(LOW);
        double hi = Math.log(HIGH);
        for (int i = 0; i < ITERATIONS; i++) {
            final double mid = (lo + hi) / 2.0;
            if (width(base, Math.exp(mid)) < width) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(hi);
    }

    private double width(final double[] base, final double scale) {
        final double[] scaled = scaler.scale(base, scale);
        return clip(scaled[scaled.length - 1]) - clip(scaled[0]);
    }

    private static double clip(final double v) {
        return Math.min(Math.max(v, 0.0), 1.0);
    }
}
