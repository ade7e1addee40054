package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.CalibrationSnapshot;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentCalibratorsTest {
    private final CalibrationSettings settings = new CalibrationSettings(
            true, 0.8, OnlineCalibrator.QUANTILE_TRACKING, 0.1, 500, 2, 24, 0.0, new int[0], false, false);

    @Test
    void servesTheModelsBandUntilACellHasEnoughSamples() {
        final SegmentCalibrators calibrators = new SegmentCalibrators(settings, k -> null);
        final String cell = SegmentCalibrators.segment("High", MarketMotion.MOVING);
        calibrators.update(cell, false, 1, 5.0, 0.0, 0.0, 0.0);
        final CalibrationSnapshot one = calibrators.snapshot("high|moving", cell, 2);
        assertThat(one.cell()).isEqualTo("high|moving");
        assertThat(one.applied(0, false)).isFalse();
        assertThat(one.lowerScale(0, false)).isEqualTo(1.0);
        calibrators.update(cell, false, 1, 5.0, 0.0, 0.0, 0.0);
        final CalibrationSnapshot two = calibrators.snapshot("high|moving", cell, 2);
        assertThat(two.applied(0, false)).isTrue();
        // two misses below (each side aims at 10 % misses): log s = 2 * 0.1 * 0.9; two hits above
        assertThat(two.lowerScale(0, false)).isCloseTo(Math.exp(0.18), within(1e-12));
        assertThat(two.upperScale(0, false)).isCloseTo(Math.exp(-0.02), within(1e-12));
        assertThat(two.applied(1, false)).isFalse();
        assertThat(two.applied(0, true)).isFalse();
    }

    @Test
    void keepsZeroWidthBandsApartFromBandsWithWidth() {
        final SegmentCalibrators calibrators = new SegmentCalibrators(settings, k -> null);
        for (int i = 0; i < 3; i++) {
            calibrators.update("high|moving", true, 1, 0.0, 4.0, 0.0, 0.0);
        }
        final CalibrationSnapshot snapshot = calibrators.snapshot("high|moving", "high|moving", 1);
        assertThat(snapshot.applied(0, true)).isTrue();
        assertThat(snapshot.upperScale(0, true)).isGreaterThan(1.0);
        assertThat(snapshot.samples(0, false)).isZero();
    }

    @Test
    void givesTheMissesASaturatedSideCannotTakeToTheOtherSide() {
        final SegmentCalibrators calibrators = new SegmentCalibrators(settings, k -> null);
        // nothing ever falls above: the upper side narrows to its smallest scale and misses nothing
        for (int i = 0; i < 1_000; i++) {
            calibrators.update("high|moving", false, 1, 0.0, 0.0, 0.0, 0.0);
        }
        final QuantileTracker upper =
                new QuantileTracker(0.9, 0.1, calibrators.takeDirty().get("high|moving|banded|1|hi"));
        assertThat(upper.saturated()).isTrue();
        assertThat(SegmentCalibrators.missTarget(0.1, upper)).isCloseTo(0.2, within(1e-12));
        assertThat(SegmentCalibrators.missTarget(0.1, new QuantileTracker(0.9, 0.1, null)))
                .isEqualTo(0.1);
    }

    @Test
    void writesBackOnlyTheCalibratorsThatChangedAndReloadsThem() {
        final Map<String, CalibratorState> store = new HashMap<>();
        final SegmentCalibrators first = new SegmentCalibrators(settings, store::get);
        first.update("low|quiet", false, 3, 0.0, 0.0, 0.0, 0.0);
        first.snapshot("low|moving", "low|moving", 12);
        final Map<String, CalibratorState> dirty = first.takeDirty();
        assertThat(dirty).containsOnlyKeys("low|quiet|banded|3|lo", "low|quiet|banded|3|hi");
        store.putAll(dirty);
        assertThat(first.takeDirty()).isEmpty();

        final SegmentCalibrators second = new SegmentCalibrators(settings, store::get);
        assertThat(second.snapshot("low|quiet", "low|quiet", 3).samples()).containsExactly(0, 0, 1);
    }

    @Test
    void writesBackACalibratorAgainWhenItChangesAfterItsStateWasTaken() {
        final SegmentCalibrators calibrators = new SegmentCalibrators(settings, k -> null);
        calibrators.update("high|moving", false, 2, 5.0, 0.0, 0.0, 0.0);
        calibrators.update("high|moving", true, 2, 0.0, 5.0, 0.0, 0.0);
        assertThat(calibrators.takeDirty())
                .containsOnlyKeys(
                        "high|moving|banded|2|lo",
                        "high|moving|banded|2|hi",
                        "high|moving|flat|2|lo",
                        "high|moving|flat|2|hi");
        calibrators.update("high|moving", true, 2, 0.0, 5.0, 0.0, 0.0);
        final Map<String, CalibratorState> again = calibrators.takeDirty();
        assertThat(again).containsOnlyKeys("high|moving|flat|2|lo", "high|moving|flat|2|hi");
        // the flat upper side missed twice: its state holds both samples
        assertThat(new QuantileTracker(0.9, 0.1, again.get("high|moving|flat|2|hi")).samples())
                .isEqualTo(2);
    }

    @Test
    void refusesAStepBeforeTheFirst() {
        final SegmentCalibrators calibrators = new SegmentCalibrators(settings, k -> null);
        assertThatThrownBy(() -> calibrators.update("high|moving", false, 0, 1.0, 1.0, 0.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("steps count from 1: 0");
    }

    @Test
    void labelsAMarketWithoutBucketAsUnknown() {
        assertThat(SegmentCalibrators.segment(null, MarketMotion.QUIET)).isEqualTo("unknown|quiet");
    }

    @Test
    void namesTheTickInACellWhoseErrorsAreInTicks() {
        assertThat(SegmentCalibrators.cell("High", "moving3-5-up", 0.0005)).isEqualTo("high|moving3-5-up|tick0.0005");
        assertThat(SegmentCalibrators.cell(null, "moving1-2-down", 0.01)).isEqualTo("unknown|moving1-2-down|tick0.01");
        assertThat(SegmentCalibrators.cell("low", MarketMotion.QUIET, 0.0)).isEqualTo("low|quiet");
    }

    @Test
    void servesNothingCalibratedWhenDisabled() {
        final SegmentCalibrators off = new SegmentCalibrators(CalibrationSettings.disabled(), k -> null);
        off.update("high|moving", false, 1, 9.0, 0.0, 0.0, 0.0);
        assertThat(off.snapshot("high|moving", "high|moving", 1).applied(0, false))
                .isFalse();
    }
}
