package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.forecast.QuantilePaths;
import org.junit.jupiter.api.Test;

class BandCalibrationTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    @Test
    void rescalesOnlyTheStepsWhoseSegmentHasEnoughSamples() {
        final BandCalibration calibration = new BandCalibration(new BandScaler(Transform.none(), LEVELS));
        final QuantilePaths base = new QuantilePaths(LEVELS,
                new double[][] {{0.4, 0.4}, {0.5, 0.5}, {0.6, 0.6}});
        final CalibrationSnapshot snapshot = new CalibrationSnapshot(OnlineCalibrator.QUANTILE_TRACKING,
                "high|moving", new double[] {2.0, 3.0}, new long[] {10, 9}, 10);
        final QuantilePaths served = calibration.apply(base, snapshot);
        assertThat(BandCalibration.stepBand(served, 0)).containsExactly(new double[] {0.3, 0.5, 0.7}, within(1e-12));
        assertThat(BandCalibration.stepBand(served, 1)).containsExactly(0.4, 0.5, 0.6);
    }
}
