package io.tsfm.streams.domain;

/**
 * Inverse of the standard normal CDF, needed to turn any requested quantile level into a z-score
 * for the baseline band. Acklam's rational approximation (relative error about 1e-9) followed by one
 * Halley step against Cody's erfc, which brings it to double precision in practice.
 */
public final class NormalQuantile {
    private static final double[] A = {
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00
    };
    private static final double[] B = {
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01
    };
    private static final double[] C = {
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00
    };
    private static final double[] D = {
        7.784695709951000e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };
    private static final double P_LOW = 0.02425;
    private static final double SQRT_2 = Math.sqrt(2.0);
    private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);

    private NormalQuantile() {}

    /** The z with {@code P(Z <= z) = p} for a standard normal Z; p must be in (0,1). */
    public static double inverse(final double p) {
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("probability must be in (0,1): " + p);
        }
        final double x = acklam(p);
        final double e = 0.5 * Erfc.erfc(-x / SQRT_2) - p;
        final double u = e * SQRT_2PI * Math.exp(x * x / 2.0);
        return x - u / (1.0 + x * u / 2.0);
    }

    /** {@code P(Z <= z)} for a standard normal Z (Cody's erfc: near machine precision); NaN for NaN. */
    public static double cdf(final double z) {
        return Double.isNaN(z) ? Double.NaN : 0.5 * Erfc.erfc(-z / SQRT_2);
    }

    private static double acklam(final double p) {
        if (p < P_LOW) {
            final double q = Math.sqrt(-2.0 * Math.log(p));
            return tail(q);
        }
        if (p > 1.0 - P_LOW) {
            final double q = Math.sqrt(-2.0 * Math.log1p(-p));
            return -tail(q);
        }
        final double q = p - 0.5;
        final double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
                * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0);
    }

    private static double tail(final double q) {
        return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0);
    }
}
