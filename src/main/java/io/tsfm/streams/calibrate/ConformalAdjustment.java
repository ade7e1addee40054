package io.tsfm.streams.calibrate;

import java.util.Arrays;

/**
 * The seed's conformal band correction: a centre shift plus a width scale fitted from past
 * (q10, q50, q90, actual) outcomes so the band reaches a target coverage; pure building block for
 * online calibration on realised values.
 *
 * <p>Fit: {@code shift = median(actual - q50)}, {@code e_i = |actual - (q50 + shift)| /
 * max((q90 - q10)/2, 1e-6)}, {@code scale = quantile(e, min(1, ceil((n+1)c)/n))} with numpy's
 * default linear interpolation. Apply: {@code c' = q50 + shift}, {@code h' = (q90 - q10)/2 * scale},
 * band {@code c' -/+ h'}, each clipped to [0,1]. Like the seed, the output band is symmetric around
 * the shifted centre even when the input band is not.
 */
public record ConformalAdjustment(double centerShift, double widthScale, int samples) {
    private static final double MIN_HALF_WIDTH = 1e-6;

    public ConformalAdjustment {
        if (!Double.isFinite(centerShift)) {
            throw new IllegalArgumentException("centerShift must be finite: " + centerShift);
        }
        if (!(widthScale >= 0.0 && Double.isFinite(widthScale))) {
            throw new IllegalArgumentException("widthScale must be finite and >= 0: " + widthScale);
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0: " + samples);
        }
    }

    /** No shift, unit scale, fitted on nothing: leaves a symmetric band as it is. */
    public static ConformalAdjustment identity() {
        return new ConformalAdjustment(0.0, 1.0, 0);
    }

    public static ConformalAdjustment fit(final double[] q10, final double[] q50, final double[] q90,
                                          final double[] actual, final double coverage) {
        final int n = actual.length;
        if (n < 1 || q10.length != n || q50.length != n || q90.length != n) {
            throw new IllegalArgumentException("need at least one sample and equally long arrays");
        }
        if (!(coverage > 0.0 && coverage < 1.0)) {
            throw new IllegalArgumentException("coverage must be in (0,1): " + coverage);
        }
        final double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            requireFinite(q10[i], q50[i], q90[i], actual[i], i);
            residuals[i] = actual[i] - q50[i];
        }
        final double shift = median(residuals);
        final double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            final double half = Math.max((q90[i] - q10[i]) / 2.0, MIN_HALF_WIDTH);
            scores[i] = Math.abs(actual[i] - (q50[i] + shift)) / half;
        }
        return new ConformalAdjustment(shift, quantile(scores, level(n, coverage)), n);
    }

    /** The seed's finite-sample quantile level {@code min(1, ceil((n+1) * coverage) / n)}. */
    public static double level(final int n, final double coverage) {
        return Math.min(1.0, Math.ceil((n + 1) * coverage) / n);
    }

    /** The adjusted band {@code {q10', q50', q90'}}, where q50' is the shifted centre; all clipped to [0,1]. */
    public double[] apply(final double q10, final double q50, final double q90) {
        final double centre = q50 + centerShift;
        final double half = (q90 - q10) / 2.0 * widthScale;
        return new double[] {clip(centre - half), clip(centre), clip(centre + half)};
    }

    private static void requireFinite(final double a, final double b, final double c, final double d,
                                      final int i) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
            throw new IllegalArgumentException("non-finite value in sample " + i);
        }
    }

    private static double median(final double[] values) {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** numpy.quantile(values, q) with method "linear", including numpy's two-sided lerp. */
    static double quantile(final double[] values, final double q) {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final double index = q * (sorted.length - 1);
        final int below = (int) Math.floor(index);
        final int above = Math.min(below + 1, sorted.length - 1);
        final double t = index - below;
        final double a = sorted[below];
        final double b = sorted[above];
        final double diff = b - a;
        return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
    }

    private static double clip(final double v) {
        return Math.min(Math.max(v, 0.0), 1.0);
    }
}
