package io.tsfm.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalQuantileTest {

    @Test
    void returnsTheSeedsZScoreForTheNinetiethPercentile() {
        assertThat(NormalQuantile.inverse(0.9)).isCloseTo(1.2815515655446008, within(1e-9));
    }

    @Test
    void returnsZeroForTheMedian() {
        assertThat(NormalQuantile.inverse(0.5)).isEqualTo(0.0);
    }

    @Test
    void matchesTheTabulatedTwoSidedNinetyFivePercentPoint() {
        assertThat(NormalQuantile.inverse(0.975)).isCloseTo(1.959963984540054, within(1e-12));
    }

    @Test
    void isAccurateInBothTailsAndAtTheRegionBoundary() {
        assertThat(NormalQuantile.inverse(0.001)).isCloseTo(-3.090232306167813, within(1e-12));
        assertThat(NormalQuantile.inverse(0.999)).isCloseTo(3.090232306167813, within(1e-12));
        assertThat(NormalQuantile.inverse(1e-10)).isCloseTo(-6.361340902404056, within(1e-11));
        assertThat(NormalQuantile.inverse(0.02425)).isCloseTo(-1.972961051311885, within(1e-12));
        assertThat(NormalQuantile.inverse(0.3)).isCloseTo(-0.5244005127080409, within(1e-12));
    }

    @Test
    void isAntisymmetricAroundTheMedian() {
        assertThat(NormalQuantile.inverse(0.1)).isCloseTo(-NormalQuantile.inverse(0.9), within(1e-12));
    }

    @Test
    void rejectsProbabilitiesOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> NormalQuantile.inverse(0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NormalQuantile.inverse(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NormalQuantile.inverse(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDistributionFunctionMatchesItsTableAndInvertsTheQuantile() {
        assertThat(NormalQuantile.cdf(0.0)).isEqualTo(0.5);
        assertThat(NormalQuantile.cdf(1.959963985)).isCloseTo(0.975, within(1e-9));
        assertThat(NormalQuantile.cdf(-1.0)).isCloseTo(0.158655253931457, within(1e-12));
        assertThat(NormalQuantile.cdf(-6.0)).isCloseTo(9.865876450377e-10, within(1e-19));
        assertThat(NormalQuantile.cdf(NormalQuantile.inverse(0.9))).isCloseTo(0.9, within(1e-15));
        assertThat(NormalQuantile.cdf(Double.NaN)).isNaN();
    }
}
