package io.tsfm.streams.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RealisedPathTest {

    @Test
    void forwardFillsStepsWithoutTicksFromTheAnchorAndEarlierSteps() {
        final double nan = Double.NaN;
        assertThat(RealisedPath.of(0.5, new double[] {nan, 0.6, nan, nan, 0.4}))
                .containsExactly(0.5, 0.6, 0.6, 0.6, 0.4);
    }

    @Test
    void refusesAMissingAnchor() {
        assertThatThrownBy(() -> RealisedPath.of(Double.NaN, new double[] {0.1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
