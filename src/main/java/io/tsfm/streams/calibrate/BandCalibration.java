package io.tsfm.streams.calibrate;

import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.domain.QuantilePaths;

/**
 * Applies a {@link CalibrationSnapshot} to a forecast's band before post-processing: each horizon step whose
 * calibrators (for a band of that step's shape, flat or not) have enough samples gets each side rescaled
 * around its centre, floored at one price tick ({@link BandScaler}); every other step is left bit for bit as
 * the model or baseline made it. Post-processing (clipping, crossing fix, optional width bounds) runs after.
 */
public final class BandCalibration {
    private final BandScaler scaler;

    public BandCalibration(final BandScaler scaler) {
        this.scaler = scaler;
    }

    public BandScaler scaler() {
        return scaler;
    }

    public QuantilePaths apply(final QuantilePaths base, final CalibrationSnapshot snapshot, final double tick) {
        final double[][] paths = base.toArray();
        for (int k = 0; k < base.horizon(); k++) {
            final double[] step = stepBand(base, k);
            final boolean flat = scaler.flat(step);
            if (!snapshot.applied(k, flat)) {
                continue;
            }
            final double[] scaled =
                    scaler.scale(step, snapshot.lowerScale(k, flat), snapshot.upperScale(k, flat), tick);
            for (int i = 0; i < paths.length; i++) {
                paths[i][k] = scaled[i];
            }
        }
        return new QuantilePaths(base.levels(), paths);
    }

    /** Per step, whether the band has no width (see {@link BandScaler#flat}). */
    public boolean[] flatSteps(final QuantilePaths base) {
        final boolean[] out = new boolean[base.horizon()];
        for (int k = 0; k < out.length; k++) {
            out[k] = scaler.flat(stepBand(base, k));
        }
        return out;
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
