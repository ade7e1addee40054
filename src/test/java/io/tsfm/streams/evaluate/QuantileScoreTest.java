package io.tsfm.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Pinball loss and band coverage against hand-computed values. */
class QuantileScoreTest {

    @Test
    void anOutcomeAboveTheForecastCostsTheLevelTimesTheMiss() {
        // q = 0.1, f = 0.50, y = 0.70: 0.1 * 0.20
        assertThat(QuantileScore.pinball(0.1, 0.50, 0.70)).isCloseTo(0.02, within(1e-12));
        // q = 0.9, f = 0.40, y = 0.90: 0.9 * 0.50
        assertThat(QuantileScore.pinball(0.9, 0.40, 0.90)).isCloseTo(0.45, within(1e-12));
    }

    @Test
    void anOutcomeBelowTheForecastCostsOneMinusTheLevelTimesTheMiss() {
        // q = 0.1, f = 0.50, y = 0.30: 0.9 * 0.20
        assertThat(QuantileScore.pinball(0.1, 0.50, 0.30)).isCloseTo(0.18, within(1e-12));
        // q = 0.9, f = 0.60, y = 0.20: 0.1 * 0.40
        assertThat(QuantileScore.pinball(0.9, 0.60, 0.20)).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void theMedianCostsHalfTheAbsoluteErrorEitherWay() {
        assertThat(QuantileScore.pinball(0.5, 0.25, 0.75)).isCloseTo(0.25, within(1e-12));
        assertThat(QuantileScore.pinball(0.5, 0.75, 0.25)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void aHitCostsNothing() {
        assertThat(QuantileScore.pinball(0.1, 0.42, 0.42)).isZero();
    }

    @Test
    void aLevelOutsideTheOpenUnitIntervalIsRejected() {
        assertThatThrownBy(() -> QuantileScore.pinball(0.0, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuantileScore.pinball(1.0, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBandIsClosedAtBothEnds() {
        assertThat(QuantileScore.covered(0.40, 0.60, 0.40)).isTrue();
        assertThat(QuantileScore.covered(0.40, 0.60, 0.60)).isTrue();
        assertThat(QuantileScore.covered(0.40, 0.60, 0.50)).isTrue();
        assertThat(QuantileScore.covered(0.40, 0.60, 0.3999)).isFalse();
        assertThat(QuantileScore.covered(0.40, 0.60, 0.6001)).isFalse();
    }
}
