package io.tsfm.streams.calibrate;

/**
 * Learns, from normalised errors of scored forecast steps (see {@link BandScaler#error}), the width scale
 * that makes a band cover its target share. One instance per segment; updated on the stream thread only.
 */
public interface OnlineCalibrator {
    String QUANTILE_TRACKING = "quantile_tracking";
    String ROLLING_QUANTILE = "rolling_quantile";

    /** Feeds one scored step's normalised error (0 on the centre, 1 on the band's edge). */
    void update(double error);

    /** The width scale to apply now (1 = the model's own band). */
    double scale();

    /** Scored steps seen so far. */
    long samples();

    CalibratorState state();

    /** A fresh calibrator, or one restored from its stored state, for the configured method. */
    static OnlineCalibrator of(final CalibrationSettings settings, final CalibratorState state) {
        return switch (settings.method()) {
            case QUANTILE_TRACKING -> new QuantileTracker(settings.target(), settings.learningRate(), state);
            case ROLLING_QUANTILE -> new RollingConformalQuantile(settings.target(), settings.window(), state);
            default -> throw new IllegalArgumentException("unknown calibration method: " + settings.method());
        };
    }
}
