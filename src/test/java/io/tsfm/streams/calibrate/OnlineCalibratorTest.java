package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.Transform;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnlineCalibratorTest {
    private static final double TARGET = 0.8;
    /** What one side of an 80 % band covers. */
    private static final double SIDE = 0.9;

    /**
     * A stationary series with known noise: y ~ N(0.5, 0.1) forecast with a band of half-width 0.05 (far too
     * narrow: it covers 38 %). The upper side covers its 90 % where (y - 0.5) / 0.05 reaches the normal's 0.9
     * quantile, 1.2816 / 0.5 = 2.563; after warm-up the calibrated side must cover 90 % +/- 1 % of the values
     * that follow.
     */
    private static double upperCoverageAfterWarmUp(final OnlineCalibrator calibrator) {
        final Random random = new Random(42);
        final BandScaler scaler = new BandScaler(Transform.none(), new double[] {0.1, 0.5, 0.9});
        final double[] band = {0.45, 0.5, 0.55};
        int inside = 0;
        final int warmUp = 2_000;
        final int scored = 20_000;
        for (int i = 0; i < warmUp + scored; i++) {
            final double y = 0.5 + 0.1 * random.nextGaussian();
            final double served = scaler.scale(band, 1.0, calibrator.scale(), 0.0)[2];
            if (i >= warmUp && y <= served) {
                inside++;
            }
            calibrator.update(scaler.upperError(band, y, 0.0), calibrator.scale());
        }
        return (double) inside / scored;
    }

    @Test
    void quantileTrackingConvergesToTheNominalCoverageOnAStationarySeries() {
        final QuantileTracker tracker = new QuantileTracker(SIDE, 0.01, null);
        assertThat(upperCoverageAfterWarmUp(tracker)).isCloseTo(SIDE, within(0.01));
        assertThat(tracker.scale()).isCloseTo(2.563, within(0.25));
        assertThat(tracker.missRate()).isCloseTo(0.1, within(0.03));
    }

    @Test
    void rollingQuantileConvergesToTheNominalCoverageOnAStationarySeries() {
        final RollingConformalQuantile rolling = new RollingConformalQuantile(SIDE, 500, null);
        assertThat(upperCoverageAfterWarmUp(rolling)).isCloseTo(SIDE, within(0.01));
        assertThat(rolling.scale()).isCloseTo(2.563, within(0.25));
    }

    @Test
    void quantileTrackingCountsAMissAgainstTheScaleTheStepWasServedWith() {
        final QuantileTracker tracker = new QuantileTracker(SIDE, 0.1, null);
        // 1.5 exceeds the current scale (1) but not the scale the step was served with (2): a hit
        tracker.update(1.5, 2.0);
        assertThat(tracker.scale()).isCloseTo(Math.exp(-0.1 * 0.1), within(1e-12));
        tracker.update(1.5, 0.0);
        assertThat(tracker.scale()).isCloseTo(Math.exp(-0.1 * 0.1 + 0.1 * 0.9), within(1e-12));
    }

    @Test
    void aSideAtItsNarrowestIsSaturatedAndKeepsItsMissRate() {
        final QuantileTracker tracker = new QuantileTracker(SIDE, 0.5, null);
        for (int i = 0; i < 200; i++) {
            tracker.update(0.0);
        }
        assertThat(tracker.scale()).isCloseTo(QuantileTracker.MIN_SCALE, within(1e-12));
        assertThat(tracker.saturated()).isTrue();
        assertThat(tracker.missRate()).isZero();
        final QuantileTracker restored = new QuantileTracker(SIDE, 0.5, tracker.state());
        assertThat(restored.saturated()).isTrue();
        assertThat(new QuantileTracker(SIDE, 0.5, null).saturated()).isFalse();
    }

    @Test
    void quantileTrackingWidensAfterAMissAndNarrowsAfterAHit() {
        final QuantileTracker tracker = new QuantileTracker(TARGET, 0.1, null);
        tracker.update(5.0);
        assertThat(tracker.scale()).isCloseTo(Math.exp(0.1 * 0.8), within(1e-12));
        tracker.update(0.0);
        assertThat(tracker.scale()).isCloseTo(Math.exp(0.1 * 0.8 - 0.1 * 0.2), within(1e-12));
        assertThat(tracker.samples()).isEqualTo(2);
    }

    @Test
    void rollingQuantileTakesTheFiniteSampleOrderStatistic() {
        final RollingConformalQuantile rolling = new RollingConformalQuantile(TARGET, 10, null);
        for (int i = 1; i <= 10; i++) {
            rolling.update(i / 10.0);
        }
        // ceil(11 * 0.8) = 9th smallest of 0.1..1.0
        assertThat(rolling.scale()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void rollingQuantileForgetsErrorsOlderThanItsWindow() {
        final RollingConformalQuantile rolling = new RollingConformalQuantile(TARGET, 4, null);
        for (final double e : new double[] {9, 9, 9, 9, 1, 1, 1, 1}) {
            rolling.update(e);
        }
        assertThat(rolling.scale()).isEqualTo(1.0);
    }

    @Test
    void restoresEitherMethodFromItsStoredStateExactly() {
        final CalibrationSettings rollingSettings = new CalibrationSettings(
                true, TARGET, OnlineCalibrator.ROLLING_QUANTILE, 0.01, 5, 1, 12, 0.001, new int[0], false, false);
        final OnlineCalibrator original = OnlineCalibrator.of(rollingSettings, null);
        for (final double e : new double[] {0.3, 2.0, 0.1, 0.7, 1.1, 0.9, 0.2}) {
            original.update(e);
        }
        final OnlineCalibrator restored = OnlineCalibrator.of(rollingSettings, original.state());
        original.update(0.05);
        restored.update(0.05);
        assertThat(restored.scale()).isEqualTo(original.scale());
        assertThat(restored.samples()).isEqualTo(8);

        final CalibrationSettings trackingSettings = new CalibrationSettings(
                true, TARGET, OnlineCalibrator.QUANTILE_TRACKING, 0.05, 5, 1, 12, 0.001, new int[0], false, false);
        final OnlineCalibrator tracker = OnlineCalibrator.of(trackingSettings, null);
        tracker.update(3.0);
        final OnlineCalibrator back = OnlineCalibrator.of(trackingSettings, tracker.state());
        assertThat(back.scale()).isCloseTo(tracker.scale(), within(1e-12));
        assertThat(back.samples()).isEqualTo(1);
    }

    @Test
    void aDecayingStepStartsLargeAndFallsToTheLearningRate() {
        final QuantileTracker tracker = new QuantileTracker(SIDE, 0.01, 100, null);
        assertThat(tracker.step()).isCloseTo(0.1, within(1e-12));
        for (int i = 0; i < 3; i++) {
            tracker.update(0.0, 0.0, 0.1);
        }
        assertThat(tracker.step()).isCloseTo(0.05, within(1e-12));
        for (int i = 3; i < 200; i++) {
            tracker.update(0.0, 0.0, 0.1);
        }
        assertThat(tracker.step()).isEqualTo(0.01);
        assertThat(new QuantileTracker(SIDE, 0.01, 0, null).step()).isEqualTo(0.01);
    }

    @Test
    void aNewCellFindsItsScaleInHundredsOfStepsWithADecayingStep() {
        // every error is 0.2 (the band is five times too wide): the side's right scale is 0.2
        final QuantileTracker decaying = new QuantileTracker(SIDE, 0.01, 8000, null);
        final QuantileTracker constant = new QuantileTracker(SIDE, 0.01, 0, null);
        for (int i = 0; i < 200; i++) {
            decaying.update(0.2, decaying.scale(), 0.1);
            constant.update(0.2, constant.scale(), 0.1);
        }
        assertThat(decaying.scale()).isBetween(0.1, 0.4);
        assertThat(constant.scale()).isGreaterThan(0.8);
    }

    @Test
    void aDecayingStepStillConvergesToTheNominalCoverage() {
        assertThat(upperCoverageAfterWarmUp(new QuantileTracker(SIDE, 0.01, 8000, null)))
                .isCloseTo(SIDE, within(0.01));
    }
}
