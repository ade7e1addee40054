package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentCalibratorsTest {
    private final CalibrationSettings settings = new CalibrationSettings(true, 0.8,
            OnlineCalibrator.QUANTILE_TRACKING, 0.1, 500, 2, 12, 0.001);

    @Test
    void servesTheModelsBandUntilASegmentHasEnoughSamples() {
        final SegmentCalibrators calibrators = new SegmentCalibrators(settings, k -> null);
        final String segment = SegmentCalibrators.segment("High", MarketMotion.MOVING);
        calibrators.update(segment, 1, 5.0);
        final CalibrationSnapshot one = calibrators.snapshot(segment, 2);
        assertThat(one.segment()).isEqualTo("high|moving");
        assertThat(one.applied(0)).isFalse();
        assertThat(one.servedScale(0)).isEqualTo(1.0);
        calibrators.update(segment, 1, 5.0);
        final CalibrationSnapshot two = calibrators.snapshot(segment, 2);
        assertThat(two.applied(0)).isTrue();
        assertThat(two.servedScale(0)).isCloseTo(Math.exp(0.16), within(1e-12));
        assertThat(two.applied(1)).isFalse();
        assertThat(two.appliedSteps()).isEqualTo(1);
    }

    @Test
    void writesBackOnlyTheSegmentsThatChangedAndReloadsThem() {
        final Map<String, CalibratorState> store = new HashMap<>();
        final SegmentCalibrators first = new SegmentCalibrators(settings, store::get);
        first.update("low|flat", 3, 0.0);
        first.snapshot("low|moving", 12);
        final Map<String, CalibratorState> dirty = first.takeDirty();
        assertThat(dirty).containsOnlyKeys("low|flat|3");
        store.putAll(dirty);
        assertThat(first.takeDirty()).isEmpty();

        final SegmentCalibrators second = new SegmentCalibrators(settings, store::get);
        assertThat(second.snapshot("low|flat", 3).samples()).containsExactly(0, 0, 1);
    }

    @Test
    void labelsAMarketWithoutBucketAsUnknown() {
        assertThat(SegmentCalibrators.segment(null, MarketMotion.FLAT)).isEqualTo("unknown|flat");
    }

    @Test
    void servesNothingCalibratedWhenDisabled() {
        final SegmentCalibrators off = new SegmentCalibrators(CalibrationSettings.disabled(), k -> null);
        off.update("high|moving", 1, 9.0);
        assertThat(off.snapshot("high|moving", 1).appliedSteps()).isZero();
    }
}
