package io.tsfm.streams.calibrate;

import io.tsfm.streams.forecast.QuantilePaths;

/**
 * Applies a {@link CalibrationSnapshot} to a forecast's band before post-processing: each horizon step
 * whose segment has enough samples is rescaled around its centre by that step's scale; every other step
 * is left bit for bit as the model or baseline made it. Post-processing (crossing fix, width bounds)
 * runs afterwards on the result, so a calibrated band still respects the configured widths.
 */
public final class BandCalibration {
    private final BandScaler scaler;

    public BandCalibration(final BandScaler scaler) {
        this.scaler = scaler;
    }

    public QuantilePaths apply(final QuantilePaths base, final CalibrationSnapshot snapshot) {
        final double[][] paths = base.toArray();
        final double[] step = new double[paths.length];
        for (int k = 0; k < base.horizon(); k++) {
            if (!snapshot.applied(k)) {
                continue;
            }
            for (int i = 0; i < paths.length; i++) {
                step[i] = paths[i][k];
            }
            final double[] scaled = scaler.scale(step, snapshot.scales()[k]);
            for (int i = 0; i < paths.length; i++) {
                paths[i][k] = scaled[i];
            }
        }
        return new QuantilePaths(base.levels(), paths);
    }

    /** The band of one horizon step ({@code k} 0-based), one value per level. */
    public static double[] stepBand(final QuantilePaths paths, final int k) {
        final double[] out = new double[paths.levelCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = paths.value(i, k);
        }
        return out;
    }
}
