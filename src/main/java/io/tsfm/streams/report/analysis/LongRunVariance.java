package io.tsfm.streams.report.analysis;

/**
 * The Newey-West (HAC) long-run variance of a series: the variance of its mean times n when neighbouring
 * values are correlated, as a market's consecutive forecast losses are. A plain sample variance would make
 * a dependent series' mean look far more certain than it is, and the regression test would cry wolf.
 *
 * <p>{@code LRV = g(0) + 2 * sum_{k=1..L} (1 - k / (L + 1)) * g(k)}, with {@code g(k) = (1/n) * sum_{t=k..n-1}
 * (x_t - m)(x_{t-k} - m)} and Bartlett weights, which keep it non-negative. The default lag is Newey and
 * West's rule {@code L = floor(4 * (n / 100)^(2/9))}.
 *
 * <p>On its own, Bartlett's kernel with that lag underestimates the long-run variance of a strongly
 * autocorrelated series (by about a fifth for an AR(1) with coefficient 0.5 over 288 values), and the test
 * then false-alarms at 7 % instead of 5 %. {@link #prewhitened} is what the regression test uses: Andrews and
 * Monahan's AR(1) prewhitening, which removes most of that bias.
 */
public final class LongRunVariance {
    private LongRunVariance() {}

    /** Newey and West's bandwidth rule for n observations: 4 for 100, 5 for 288 (a day of 5-minute steps). */
    public static int defaultLag(final int n) {
        return (int) Math.floor(4.0 * Math.pow(n / 100.0, 2.0 / 9.0));
    }

    /** The long-run variance with {@link #defaultLag}. */
    public static double of(final double[] x) {
        return of(x, defaultLag(x.length));
    }

    /**
     * The long-run variance with Bartlett weights up to {@code lag} (0: the sample variance with divisor n).
     *
     * @throws IllegalArgumentException for fewer than two values or a negative lag
     */
    public static double of(final double[] x, final int lag) {
        if (x.length < 2) {
            throw new IllegalArgumentException("a long-run variance needs two values or more, not " + x.length);
        }
        if (lag < 0) {
            throw new IllegalArgumentException("lag must be >= 0: " + lag);
        }
        final double mean = mean(x);
        final int maxLag = Math.min(lag, x.length - 1);
        double lrv = autocovariance(x, mean, 0);
        for (int k = 1; k <= maxLag; k++) {
            lrv += 2.0 * (1.0 - k / (lag + 1.0)) * autocovariance(x, mean, k);
        }
        return Math.max(lrv, 0.0);
    }

    /**
     * Andrews and Monahan's prewhitened estimate: fit an AR(1) coefficient {@code r = g(1) / g(0)} (clamped to
     * [-0.97, 0.97]), take the Newey-West long-run variance of the residuals {@code e_t = d_t - r * d_{t-1}}
     * of the deviations from the mean, and recolour it: {@code LRV = LRV(e) / (1 - r)^2}.
     *
     * @throws IllegalArgumentException for fewer than three values
     */
    public static double prewhitened(final double[] x) {
        if (x.length < 3) {
            throw new IllegalArgumentException(
                    "a prewhitened long-run variance needs three values or more, not " + x.length);
        }
        final double mean = mean(x);
        final double g0 = autocovariance(x, mean, 0);
        if (g0 == 0.0) {
            return 0.0;
        }
        final double r = Math.max(-0.97, Math.min(0.97, autocovariance(x, mean, 1) / g0));
        final double[] e = new double[x.length - 1];
        for (int t = 1; t < x.length; t++) {
            e[t - 1] = (x[t] - mean) - r * (x[t - 1] - mean);
        }
        return of(e) / ((1.0 - r) * (1.0 - r));
    }

    /** {@code (1/n) * sum_{t=k..n-1} (x_t - mean)(x_{t-k} - mean)}. */
    static double autocovariance(final double[] x, final double mean, final int k) {
        double sum = 0.0;
        for (int t = k; t < x.length; t++) {
            sum += (x[t] - mean) * (x[t - k] - mean);
        }
        return sum / x.length;
    }

    static double mean(final double[] x) {
        double sum = 0.0;
        for (final double v : x) {
            sum += v;
        }
        return sum / x.length;
    }
}
