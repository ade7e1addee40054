package io.tsfm.streams.evaluate;

import io.tsfm.streams.calibrate.CalibrationSettings;
import io.tsfm.streams.calibrate.OnlineCalibrator;
import io.tsfm.streams.calibrate.ServedBandError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One online calibration under evaluation: a label for the tables, the settings its
 * {@code SegmentCalibrators} run with (target 0.8, min samples 50, flat = moved less than 0.001 in 12 steps)
 * and which normalised error feeds them.
 *
 * @param name        e.g. {@code quantile_tracking lr=0.01} or {@code rolling_quantile window=500}
 * @param settings    the calibrators' settings, as the stream would read them from the config
 * @param servedError false: the stream's error against the base band ({@code BandScaler.error});
 *                    true: the experimental {@link ServedBandError}, which sees the post-processing width bounds
 */
public record CalibrationMethod(String name, CalibrationSettings settings, boolean servedError) {

    /** The served band without calibration: post-processing only. */
    public static final String UNCALIBRATED = "uncalibrated";
    /**
     * Reference, not a method: every step scaled to 0, so post-processing serves the minimum-width band around
     * the median. No scaled band is narrower; where this covers more than 82 %, no calibration can reach 80 %.
     */
    public static final String MINIMUM_WIDTH = "reference: minimum width (scale 0)";
    /** The seed's offline conformal adjustment, fitted once on the first half of the scored period. */
    public static final String OFFLINE_CONFORMAL = "offline_conformal (seed)";

    public static final double TARGET = 0.8;
    public static final int MIN_SAMPLES = 50;
    public static final int FLAT_LOOKBACK_STEPS = 12;
    public static final double FLAT_THRESHOLD = 0.001;
    public static final List<Double> LEARNING_RATES = List.of(0.005, 0.01, 0.02, 0.05);
    public static final List<Integer> WINDOWS = List.of(200, 500, 1000);

    /** Suffix of the methods fed the experimental served-band error. */
    public static final String SERVED_ERROR_SUFFIX = " +served-err";

    public static CalibrationMethod quantileTracking(final double learningRate, final boolean servedError) {
        return new CalibrationMethod(OnlineCalibrator.QUANTILE_TRACKING + " lr="
                + BigDecimal.valueOf(learningRate).stripTrailingZeros().toPlainString()
                + (servedError ? SERVED_ERROR_SUFFIX : ""),
                new CalibrationSettings(true, TARGET, OnlineCalibrator.QUANTILE_TRACKING, learningRate,
                        WINDOWS.get(1), MIN_SAMPLES, FLAT_LOOKBACK_STEPS, FLAT_THRESHOLD), servedError);
    }

    public static CalibrationMethod rollingQuantile(final int window, final boolean servedError) {
        return new CalibrationMethod(OnlineCalibrator.ROLLING_QUANTILE + " window=" + window
                + (servedError ? SERVED_ERROR_SUFFIX : ""),
                new CalibrationSettings(true, TARGET, OnlineCalibrator.ROLLING_QUANTILE, LEARNING_RATES.get(1),
                        window, MIN_SAMPLES, FLAT_LOOKBACK_STEPS, FLAT_THRESHOLD), servedError);
    }

    /** As the stream does it (base-band error): quantile tracking at every learning rate, then every window. */
    public static List<CalibrationMethod> online() {
        return grid(false);
    }

    /** The same grid fed the experimental served-band error. */
    public static List<CalibrationMethod> servedErrorVariants() {
        return grid(true);
    }

    /** {@link #online()} then {@link #servedErrorVariants()}. */
    public static List<CalibrationMethod> all() {
        final List<CalibrationMethod> out = new ArrayList<>(online());
        out.addAll(servedErrorVariants());
        return List.copyOf(out);
    }

    private static List<CalibrationMethod> grid(final boolean servedError) {
        final List<CalibrationMethod> out = new ArrayList<>();
        LEARNING_RATES.forEach(lr -> out.add(quantileTracking(lr, servedError)));
        WINDOWS.forEach(w -> out.add(rollingQuantile(w, servedError)));
        return List.copyOf(out);
    }
}
