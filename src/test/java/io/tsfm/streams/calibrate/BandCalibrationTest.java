package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.Transform;
import org.junit.jupiter.api.Test;

class BandCalibrationTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private final BandCalibration calibration = new BandCalibration(new BandScaler(Transform.none(), LEVELS));

    private static CalibrationSnapshot snapshot(final long[] samples, final long[] flatSamples) {
        return new CalibrationSnapshot(
                OnlineCalibrator.QUANTILE_TRACKING,
                "high|moving",
                "high|moving1-2",
                new double[] {2.0, 3.0},
                new double[] {1.0, 0.5},
                samples,
                new double[] {4.0, 4.0},
                new double[] {5.0, 5.0},
                flatSamples,
                10);
    }

    @Test
    void rescalesEachSideOnlyWhereTheStepsCalibratorsHaveEnoughSamples() {
        final QuantilePaths base = new QuantilePaths(LEVELS, new double[][] {{0.4, 0.4}, {0.5, 0.5}, {0.6, 0.6}});
        final QuantilePaths served = calibration.apply(base, snapshot(new long[] {10, 9}, new long[] {0, 0}), 0.0);
        assertThat(BandCalibration.stepBand(served, 0)).containsExactly(new double[] {0.3, 0.5, 0.6}, within(1e-12));
        assertThat(BandCalibration.stepBand(served, 1)).containsExactly(0.4, 0.5, 0.6);
    }

    @Test
    void givesAZeroWidthStepTheFlatCalibratorsInTicks() {
        final QuantilePaths base = new QuantilePaths(LEVELS, new double[][] {{0.45, 0.4}, {0.45, 0.5}, {0.45, 0.6}});
        final QuantilePaths served = calibration.apply(base, snapshot(new long[] {0, 0}, new long[] {10, 10}), 0.01);
        assertThat(calibration.flatSteps(base)).containsExactly(true, false);
        assertThat(BandCalibration.stepBand(served, 0)).containsExactly(new double[] {0.41, 0.45, 0.50}, within(1e-12));
        assertThat(BandCalibration.stepBand(served, 1)).containsExactly(0.4, 0.5, 0.6);
    }
}
