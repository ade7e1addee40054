package io.tsfm.streams.calibrate;

/** The online calibration's parameters, read once from the config (see docs/calibration.md). */
public record CalibrationSettings(
        boolean enabled,
        double target,
        String method,
        String errorUnit,
        double learningRate,
        int learningRateDecaySamples,
        int window,
        int minSamples,
        int flatLookbackSteps,
        double flatThreshold,
        int[] activityClasses,
        boolean directionSplit,
        boolean baselineStandby) {

    /**
     * The settings with a constant learning rate (no decay) and errors over the model's band, as before decaying
     * steps and tick units existed.
     */
    public CalibrationSettings(
            final boolean enabled,
            final double target,
            final String method,
            final double learningRate,
            final int window,
            final int minSamples,
            final int flatLookbackSteps,
            final double flatThreshold,
            final int[] activityClasses,
            final boolean directionSplit,
            final boolean baselineStandby) {
        this(
                enabled,
                target,
                method,
                BandScaler.UNIT_BAND,
                learningRate,
                0,
                window,
                minSamples,
                flatLookbackSteps,
                flatThreshold,
                activityClasses,
                directionSplit,
                baselineStandby);
    }

    public MarketMotion motion() {
        return new MarketMotion(flatLookbackSteps, flatThreshold, activityClasses, directionSplit);
    }

    /** Whether errors are measured in the market's price ticks rather than over the model's band. */
    public boolean tickUnits() {
        return BandScaler.UNIT_TICK.equals(errorUnit);
    }

    /** Each side's target: the band covers {@code target} when each side misses half of the rest. */
    public double sideTarget() {
        return 1.0 - (1.0 - target) / 2.0;
    }

    /** Calibration off: every band is served as the model made it (the scores are still kept). */
    public static CalibrationSettings disabled() {
        return new CalibrationSettings(
                false, 0.8, OnlineCalibrator.QUANTILE_TRACKING, 0.01, 500, 50, 24, 0.0, new int[0], false, false);
    }
}
