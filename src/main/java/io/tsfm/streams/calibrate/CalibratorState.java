package io.tsfm.streams.calibrate;

/**
 * The serialisable state of one segment's online calibrator, as kept in the {@code calibration} store:
 * the current width scale, how many scored steps it has seen, and (rolling method only) the recent
 * normalised errors as a ring buffer with the index of the next slot to overwrite.
 */
public record CalibratorState(String method, double scale, long samples, double[] recent, int cursor) {
}
