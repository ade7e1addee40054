package io.tsfm.streams.calibrate;

/**
 * Measures and rescales a band around its centre in the model's transform space (logit by default),
 * where the bands are closest to symmetric and a scaled band can never leave [0,1].
 *
 * <p>The centre is the 0.5 quantile when there is one, else the middle of the outer band. The normalised
 * error of a realised value {@code y} is its distance from the centre over the half-band on its side:
 * {@code (T(y) - T(c)) / (T(hi) - T(c))} above, {@code (T(c) - T(y)) / (T(c) - T(lo))} below, so 1 is
 * the band's edge and a band scaled by {@code s} covers {@code y} exactly when the error is at most s.
 */
public final class BandScaler {
    /** Smallest half-band in transform space, so a zero-width band still gives a finite error. */
    static final double MIN_HALF = 1e-6;

    private final Transform transform;
    private final double[] levels;
    private final int centre;

    public BandScaler(final Transform transform, final double[] levels) {
        this.transform = transform;
        this.levels = levels.clone();
        int c = -1;
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == 0.5) {
                c = i;
            }
        }
        this.centre = c;
    }

    private double centreOf(final double[] q) {
        return centre >= 0 ? transform.forward(q[centre])
                : (transform.forward(q[0]) + transform.forward(q[q.length - 1])) / 2.0;
    }

    /** The normalised error of {@code realised} against the band {@code q} (one value per level, ascending). */
    public double error(final double[] q, final double realised) {
        final double c = centreOf(q);
        final double y = transform.forward(realised);
        if (y >= c) {
            return (y - c) / Math.max(transform.forward(q[q.length - 1]) - c, MIN_HALF);
        }
        return (c - y) / Math.max(c - transform.forward(q[0]), MIN_HALF);
    }

    /** The band with every quantile's distance from the centre multiplied by {@code scale}. */
    public double[] scale(final double[] q, final double scale) {
        final double c = centreOf(q);
        final double[] out = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = transform.inverse(c + scale * (transform.forward(q[i]) - c));
        }
        return out;
    }

    public double[] levels() {
        return levels.clone();
    }
}
