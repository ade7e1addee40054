package io.tsfm.streams.bench;

import java.util.Arrays;
import java.util.Collection;

/** Pure statistics of the benchmark: medians of runs and percentiles of latency samples. */
public final class Stats {
    private Stats() {}

    /** Median of the values (mean of the two middle ones for an even count), NaNs left out; NaN when empty. */
    public static double median(final Collection<Double> values) {
        return median(values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .toArray());
    }

    public static double median(final double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        final double[] s = values.clone();
        Arrays.sort(s);
        final int mid = s.length / 2;
        return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2.0;
    }

    /**
     * Nearest-rank percentile: the smallest sample with at least {@code p} percent of the samples at or
     * below it. {@code p} in (0, 100]; NaN when empty.
     */
    public static double percentile(final double[] values, final double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (values.length == 0) {
            return Double.NaN;
        }
        final double[] s = values.clone();
        Arrays.sort(s);
        final int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, rank - 1)];
    }

    /** Index of the run whose value is the (lower) median, so its samples can stand for the scenario. */
    public static int medianIndex(final double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no runs");
        }
        final Integer[] idx = new Integer[values.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(values[a], values[b]));
        return idx[(values.length - 1) / 2];
    }
}
