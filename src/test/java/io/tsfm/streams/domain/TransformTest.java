package io.tsfm.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TransformTest {
    /** logit(1e-6) = ln(1e-6 / (1 - 1e-6)). */
    private static final double LOGIT_EPS = -13.815509557963773;

    private final Transform logit = Transform.logit();

    @Test
    void mapsOneHalfToZero() {
        assertThat(logit.forward(0.5)).isEqualTo(0.0);
        assertThat(logit.inverse(0.0)).isEqualTo(0.5);
    }

    @Test
    void computesTheLogOdds() {
        assertThat(logit.forward(0.8)).isCloseTo(Math.log(4.0), within(1e-12));
        assertThat(logit.forward(0.2)).isCloseTo(-Math.log(4.0), within(1e-12));
    }

    @Test
    void clipsZeroAndOneToEpsilon() {
        assertThat(logit.forward(0.0)).isCloseTo(LOGIT_EPS, within(1e-9));
        assertThat(logit.forward(1.0)).isCloseTo(-LOGIT_EPS, within(1e-9));
    }

    @Test
    void clipsValuesOutsideTheUnitIntervalLikeItsEdges() {
        assertThat(logit.forward(-0.3)).isEqualTo(logit.forward(0.0));
        assertThat(logit.forward(1.7)).isEqualTo(logit.forward(1.0));
    }

    @Test
    void honoursACustomEpsilon() {
        final Transform wide = new Transform(Transform.Space.LOGIT, 0.01);

        assertThat(wide.forward(0.0)).isCloseTo(Math.log(0.01 / 0.99), within(1e-12));
        assertThat(wide.forward(0.995)).isCloseTo(Math.log(0.99 / 0.01), within(1e-12));
    }

    @Test
    void invertsTheForwardMap() {
        for (final double p : new double[] {1e-5, 0.001, 0.1, 0.37, 0.5, 0.63, 0.9, 0.999, 1 - 1e-5}) {
            assertThat(logit.inverse(logit.forward(p))).as("p=%s", p).isCloseTo(p, within(1e-12));
        }
    }

    @Test
    void saturatesWithoutOverflowForExtremeModelValues() {
        assertThat(logit.inverse(-800.0)).isEqualTo(0.0);
        assertThat(logit.inverse(800.0)).isEqualTo(1.0);
    }

    @Test
    void leavesValuesUntouchedInTheRawSpace() {
        final Transform none = Transform.none();

        assertThat(none.forward(0.3)).isEqualTo(0.3);
        assertThat(none.forward(0.0)).isEqualTo(0.0);
        assertThat(none.forward(1.0)).isEqualTo(1.0);
        assertThat(none.inverse(0.7)).isEqualTo(0.7);
        assertThat(none.inverse(1.2)).isEqualTo(1.2);
    }

    @Test
    void namesItsSpaceForConfigAndMeta() {
        assertThat(logit.spaceName()).isEqualTo("logit");
        assertThat(Transform.none().spaceName()).isEqualTo("none");
        assertThat(logit.eps()).isEqualTo(1e-6);
    }

    @Test
    void refusesAnEpsilonOutsideTheOpenHalfInterval() {
        assertThatThrownBy(() -> new Transform(Transform.Space.LOGIT, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Transform(Transform.Space.LOGIT, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Transform(Transform.Space.LOGIT, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMissingSpace() {
        assertThatThrownBy(() -> new Transform(null, 1e-6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transform space is required");
    }
}
