package io.tsfm.streams.forecaster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Accuracy of the inverse normal CDF used by the fallback band. */
class StandardNormalTest {

    @Test
    void theMedianIsZero() {
        assertThat(StandardNormal.inverseCdf(0.5)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void knownQuantilesMatchTheirTableValues() {
        assertThat(StandardNormal.inverseCdf(0.9)).isCloseTo(1.2815515655446008, within(1e-8));
        assertThat(StandardNormal.inverseCdf(0.1)).isCloseTo(-1.2815515655446008, within(1e-8));
        assertThat(StandardNormal.inverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-8));
        assertThat(StandardNormal.inverseCdf(0.001)).isCloseTo(-3.090232306167813, within(1e-8));
    }

    @Test
    void levelsOutsideTheOpenUnitIntervalAreRejected() {
        assertThatThrownBy(() -> StandardNormal.inverseCdf(0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardNormal.inverseCdf(1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
