package io.tsfm.streams.calibrate;

/**
 * Learns, from normalised errors of scored forecast steps against one side of their band (see
 * {@link BandScaler#lowerError}), the scale that makes that side cover its target share. One instance per
 * cell, shape, step and side; updated on the stream thread only.
 */
public interface OnlineCalibrator {
    String QUANTILE_TRACKING = "quantile_tracking";
    String ROLLING_QUANTILE = "rolling_quantile";

    /** Feeds one scored step's normalised error (0 on the centre, 1 on the band's edge). */
    void update(double error);

    /**
     * Feeds one scored step's error with the scale its forecast was served with ({@code servedScale} > 0), so
     * that a miss is a miss of the band actually served (adaptive conformal inference proper: the served
     * bands' long-run miss rate is the target whatever the errors do). Without one (0: the step was served
     * uncalibrated, or calibration is off) it is {@link #update(double)}.
     */
    default void update(final double error, final double servedScale) {
        update(error, servedScale, 1.0 - target());
    }

    /** As {@link #update(double, double)}, aiming at {@code missTarget} instead of this side's default share. */
    void update(double error, double servedScale, double missTarget);

    /** The share this side covers by default. */
    double target();

    /** Whether this side cannot narrow further (see {@link QuantileTracker#saturated()}); never for others. */
    default boolean saturated() {
        return false;
    }

    /** The recent share of misses of this side, NaN when not kept. */
    default double missRate() {
        return Double.NaN;
    }

    /** The width scale to apply now (1 = the model's own band). */
    double scale();

    /** Scored steps seen so far. */
    long samples();

    CalibratorState state();

    /**
     * A fresh calibrator of one side of a band, or one restored from its stored state, for the configured
     * method: it aims at half the target's misses ({@link CalibrationSettings#sideTarget()}).
     */
    static OnlineCalibrator of(final CalibrationSettings settings, final CalibratorState state) {
        return switch (settings.method()) {
            case QUANTILE_TRACKING ->
                new QuantileTracker(
                        settings.sideTarget(), settings.learningRate(), settings.learningRateDecaySamples(), state);
            case ROLLING_QUANTILE -> new RollingConformalQuantile(settings.sideTarget(), settings.window(), state);
            default -> throw new IllegalArgumentException("unknown calibration method: " + settings.method());
        };
    }
}
