package io.tsfm.streams.forecaster.model;

import io.tsfm.streams.domain.NormalQuantile;
import java.util.Arrays;

/**
 * Damped-trend exponential smoothing (Holt's linear method with damping phi) plus an empirical
 * predictive band. Pure maths, no I/O: the genuine statistical forecaster behind
 * {@code local-ets-damped}.
 *
 * <p>Fit: alpha, beta and phi are picked from a small grid by minimising the in-sample one-step
 * squared error. Band: for each step k, the quantiles of the model's own in-sample k-step-ahead
 * errors are added to the point forecast (so the median is the point forecast plus the median
 * error). With fewer than {@value #MIN_ERRORS} errors for a step, a normal band with the one-step
 * residuals' RMS scaled by sqrt(k) is used instead. Quantile paths are sorted per step, so they never
 * cross.
 */
public final class DampedTrendEts {

    static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    static final double[] BETAS = {0.0, 0.05, 0.1, 0.2, 0.3};
    static final double[] PHIS = {0.8, 0.9, 0.98};
    /** Fewest k-step errors for which the empirical band is used. */
    static final int MIN_ERRORS = 20;
    /** Most recent forecast origins scored for the error distributions (bounds the cost to O(512 * h)). */
    static final int MAX_ORIGINS = 512;

    private DampedTrendEts() {}

    /** Smoothing parameters. */
    public record Parameters(double alpha, double beta, double phi) {}

    /** The result: point forecast, one path per requested level, and the parameters used. */
    public record Forecast(Parameters parameters, double[] mean, double[][] quantiles) {}

    /**
     * Forecasts {@code horizon} steps after {@code y}.
     *
     * @param y      finite observations, at least one
     * @param levels quantile levels in (0,1), strictly ascending (possibly empty)
     */
    public static Forecast forecast(final double[] y, final int horizon, final double[] levels) {
        if (y.length == 0 || horizon <= 0) {
            throw new IllegalArgumentException("need at least one value and a positive horizon");
        }
        final Parameters p = fit(y);
        final double[][] states = states(y, p);
        final double level = states[0][y.length - 1];
        final double trend = states[1][y.length - 1];
        final double[] damp = dampingSums(p.phi(), horizon);
        final double[] mean = new double[horizon];
        for (int k = 1; k <= horizon; k++) {
            mean[k - 1] = level + trend * damp[k - 1];
        }
        final double[][] quantiles = band(y, p, states, mean, levels);
        return new Forecast(p, mean, quantiles);
    }

    /** The grid point with the smallest in-sample one-step squared error (first one on ties). */
    static Parameters fit(final double[] y) {
        Parameters best = new Parameters(ALPHAS[0], BETAS[0], PHIS[0]);
        double bestSse = Double.POSITIVE_INFINITY;
        for (final double phi : PHIS) {
            for (final double alpha : ALPHAS) {
                for (final double beta : BETAS) {
                    final double sse = oneStepSse(y, alpha, beta, phi);
                    if (sse < bestSse) {
                        bestSse = sse;
                        best = new Parameters(alpha, beta, phi);
                    }
                }
            }
        }
        return best;
    }

    private static double oneStepSse(final double[] y, final double alpha, final double beta, final double phi) {
        double level = y[0];
        double trend = initialTrend(y);
        double sse = 0.0;
        for (int t = 1; t < y.length; t++) {
            final double predicted = level + phi * trend;
            final double error = y[t] - predicted;
            sse += error * error;
            final double newLevel = alpha * y[t] + (1 - alpha) * predicted;
            trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
            level = newLevel;
        }
        return sse;
    }

    /** {@code [0][t]} level and {@code [1][t]} trend after observing {@code y[t]}. */
    static double[][] states(final double[] y, final Parameters p) {
        final double[] levels = new double[y.length];
        final double[] trends = new double[y.length];
        levels[0] = y[0];
        trends[0] = initialTrend(y);
        for (int t = 1; t < y.length; t++) {
            final double predicted = levels[t - 1] + p.phi() * trends[t - 1];
            levels[t] = p.alpha() * y[t] + (1 - p.alpha()) * predicted;
            trends[t] = p.beta() * (levels[t] - levels[t - 1]) + (1 - p.beta()) * p.phi() * trends[t - 1];
        }
        return new double[][] {levels, trends};
    }

    private static double initialTrend(final double[] y) {
        return y.length >= 2 ? y[1] - y[0] : 0.0;
    }

    /** {@code [k-1]} = phi + phi^2 + ... + phi^k, the trend multiplier of the k-step forecast. */
    static double[] dampingSums(final double phi, final int horizon) {
        final double[] sums = new double[horizon];
        double power = 1.0;
        double sum = 0.0;
        for (int k = 1; k <= horizon; k++) {
            power *= phi;
            sum += power;
            sums[k - 1] = sum;
        }
        return sums;
    }

    private static double[][] band(
            final double[] y, final Parameters p, final double[][] states, final double[] mean, final double[] levels) {
        final int horizon = mean.length;
        final double[][] errors = kStepErrors(y, p, states, horizon);
        final double sigma1 = rms(errors[0]);
        final double[][] out = new double[levels.length][horizon];
        for (int k = 1; k <= horizon; k++) {
            final double[] e = errors[k - 1];
            final double[] column = new double[levels.length];
            if (e.length >= MIN_ERRORS) {
                Arrays.sort(e);
                for (int i = 0; i < levels.length; i++) {
                    column[i] = mean[k - 1] + empiricalQuantile(e, levels[i]);
                }
            } else {
                final double sigma = sigma1 * Math.sqrt(k);
                for (int i = 0; i < levels.length; i++) {
                    column[i] = mean[k - 1] + sigma * NormalQuantile.inverse(levels[i]);
                }
            }
            Arrays.sort(column);
            for (int i = 0; i < levels.length; i++) {
                out[i][k - 1] = column[i];
            }
        }
        return out;
    }

    /** {@code [k-1]} = in-sample errors y[t+k] - forecast from origin t, over the recent origins. */
    static double[][] kStepErrors(final double[] y, final Parameters p, final double[][] states, final int horizon) {
        final int n = y.length;
        final int firstOrigin = Math.max(0, n - 1 - MAX_ORIGINS);
        final double[] damp = dampingSums(p.phi(), horizon);
        final double[][] errors = new double[horizon][];
        for (int k = 1; k <= horizon; k++) {
            final int count = Math.max(0, n - k - firstOrigin);
            final double[] e = new double[count];
            for (int j = 0; j < count; j++) {
                final int origin = firstOrigin + j;
                e[j] = y[origin + k] - (states[0][origin] + states[1][origin] * damp[k - 1]);
            }
            errors[k - 1] = e;
        }
        return errors;
    }

    private static double rms(final double[] e) {
        if (e.length == 0) {
            return 0.0;
        }
        double sum = 0.0;
        for (final double v : e) {
            sum += v * v;
        }
        return Math.sqrt(sum / e.length);
    }

    /** Linear-interpolation quantile (Hyndman-Fan type 7) of sorted values. */
    static double empiricalQuantile(final double[] sorted, final double q) {
        final double h = (sorted.length - 1) * q;
        final int lo = (int) Math.floor(h);
        final int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
