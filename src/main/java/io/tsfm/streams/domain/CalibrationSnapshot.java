package io.tsfm.streams.domain;

import java.util.Arrays;

/**
 * The calibration a forecast gets, fixed when its cycle runs (so an answer that arrives later cannot see
 * scores realised after its as_of): the segment (bucket and quiet or moving, as metrics and scores show
 * it), the calibrators' cell (bucket and activity class), and per horizon step, for a model band that has
 * width ({@code banded}) and for a zero-width one ({@code flat}), the lower and upper scale and the scored
 * steps behind them. A step whose calibrators have fewer than the minimum samples keeps the model's band.
 *
 * <p>Entries written by earlier versions (one scale per step) have no {@code lower}; {@link #current()}
 * tells, and the stream takes a new snapshot for them.
 */
public record CalibrationSnapshot(
        String method,
        String segment,
        String cell,
        double[] lower,
        double[] upper,
        long[] samples,
        double[] flatLower,
        double[] flatUpper,
        long[] flatSamples,
        int minSamples) {

    /** No calibration: every step keeps its band. */
    public static CalibrationSnapshot none(final String segment, final String cell, final int horizon) {
        final double[] ones = new double[horizon];
        Arrays.fill(ones, 1.0);
        return new CalibrationSnapshot(
                "none", segment, cell, ones, ones, new long[horizon], ones, ones, new long[horizon], Integer.MAX_VALUE);
    }

    /** Whether this snapshot has this version's shape (see the class comment). */
    public boolean current() {
        return lower != null
                && upper != null
                && samples != null
                && flatLower != null
                && flatUpper != null
                && flatSamples != null;
    }

    public int horizon() {
        return lower.length;
    }

    /** Scored steps behind step {@code k} (0-based) for a model band of this shape. */
    public long samples(final int k, final boolean flat) {
        return flat ? flatSamples[k] : samples[k];
    }

    public boolean applied(final int k, final boolean flat) {
        return samples(k, flat) >= minSamples;
    }

    /** The lower side's scale served at step {@code k}: the learnt one when applied, else 1. */
    public double lowerScale(final int k, final boolean flat) {
        return applied(k, flat) ? (flat ? flatLower[k] : lower[k]) : 1.0;
    }

    /** The upper side's scale served at step {@code k}: the learnt one when applied, else 1. */
    public double upperScale(final int k, final boolean flat) {
        return applied(k, flat) ? (flat ? flatUpper[k] : upper[k]) : 1.0;
    }
}
