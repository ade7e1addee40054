package io.tsfm.streams.calibrate;

/** The online calibration's parameters, read once from the config (see docs/calibration.md). */
public record CalibrationSettings(boolean enabled, double target, String method, double learningRate, int window,
                                  int minSamples, int flatLookbackSteps, double flatThreshold) {

    public MarketMotion motion() {
        return new MarketMotion(flatLookbackSteps, flatThreshold);
    }

    /** Calibration off: every band is served as the model made it (the scores are still kept). */
    public static CalibrationSettings disabled() {
        return new CalibrationSettings(false, 0.8, OnlineCalibrator.QUANTILE_TRACKING, 0.01, 500, 50, 12, 0.001);
    }
}
