package io.tsfm.streams.stream;

import io.tsfm.streams.domain.CalibrationSnapshot;

/**
 * The durable trace of a model job in the changelogged pending store: enough to rebuild the job from the
 * step store after a crash or on the task's new owner, and the calibrations (of the model's answer, and
 * of the baseline should it fail) fixed when its cycle ran (null, or of an earlier shape, in entries written by
 * earlier versions: a new snapshot is taken for those). Deleted in the same transaction as its forecast.
 */
public record PendingJob(
        String marketId, long asOfMs, CalibrationSnapshot calibration, CalibrationSnapshot fallbackCalibration) {

    /** Store key: market id, '|', as_of epoch ms. */
    public String key() {
        return key(marketId, asOfMs);
    }

    /** Whether a stored snapshot can be served: present and of this version's shape (see CalibrationSnapshot). */
    public static boolean usable(final CalibrationSnapshot snapshot) {
        return snapshot != null && snapshot.current();
    }

    public static String key(final String marketId, final long asOfMs) {
        return marketId + "|" + asOfMs;
    }
}
