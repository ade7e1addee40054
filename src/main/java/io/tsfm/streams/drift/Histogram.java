package io.tsfm.streams.drift;

import java.util.Arrays;

/**
 * Counts per bin of one feature: the unit PSI compares. Immutable, so a histogram handed out can be
 * added to others (across slices, tasks or instances) without surprises.
 *
 * @param counts non-negative count per bin
 */
public record Histogram(long[] counts) {

    public Histogram {
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bin");
        }
        counts = counts.clone();
        for (final long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("negative count: " + Arrays.toString(counts));
            }
        }
    }

    public static Histogram empty(final int bins) {
        return new Histogram(new long[bins]);
    }

    /** Counts {@code values} into {@code bins}. */
    public static Histogram of(final PsiBins bins, final double... values) {
        final long[] counts = new long[bins.count()];
        for (final double value : values) {
            counts[bins.binOf(value)]++;
        }
        return new Histogram(counts);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    public long count(final int bin) {
        return counts[bin];
    }

    public long total() {
        long total = 0;
        for (final long count : counts) {
            total += count;
        }
        return total;
    }

    /** Share of the total in {@code bin}; NaN when the histogram is empty. */
    public double proportion(final int bin) {
        final long total = total();
        return total == 0 ? Double.NaN : (double) counts[bin] / total;
    }

    /** Bin-wise sum with a histogram over the same bins. */
    public Histogram plus(final Histogram other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException(
                    "cannot add histograms of " + counts.length + " and " + other.counts.length + " bins");
        }
        final long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.counts[i];
        }
        return new Histogram(sum);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Histogram that && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram" + Arrays.toString(counts);
    }
}
