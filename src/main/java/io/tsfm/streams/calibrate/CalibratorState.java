package io.tsfm.streams.calibrate;

/**
 * The serialisable state of one calibrator (one side of one cell's band at one step), as kept in the
 * {@code calibration} store: the current scale, how many scored steps it has seen, the recent share of
 * misses of its side ({@code quantile_tracking}; null in entries of earlier versions) and, rolling method
 * only, the recent normalised errors as a ring buffer with the index of the next slot to overwrite.
 */
public record CalibratorState(String method, double scale, long samples, double[] recent, int cursor, Double missRate) {

    public CalibratorState(
            final String method, final double scale, final long samples, final double[] recent, final int cursor) {
        this(method, scale, samples, recent, cursor, null);
    }
}
