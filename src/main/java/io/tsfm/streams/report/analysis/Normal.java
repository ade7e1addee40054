package io.tsfm.streams.report.analysis;

/** The standard normal distribution function, for the regression test's p-values (JDK only, no library). */
public final class Normal {
    private Normal() {}

    /**
     * {@code P(Z <= z)} for a standard normal Z, from Abramowitz and Stegun 26.2.17 (absolute error below
     * 7.5e-8, ample for a p-value compared with 0.05).
     */
    public static double cdf(final double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        final double x = Math.abs(z);
        final double t = 1.0 / (1.0 + 0.2316419 * x);
        final double poly =
                t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        final double upper = Math.exp(-x * x / 2.0) / Math.sqrt(2.0 * Math.PI) * poly;
        return z >= 0 ? 1.0 - upper : upper;
    }
}
