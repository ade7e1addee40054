package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarketMotionTest {
    private final MarketMotion motion = new MarketMotion(3, 0.0);

    @Test
    void callsAMarketQuietWhenNoneOfTheLastStepsMoved() {
        assertThat(motion.of(new double[] {0.1, 0.9, 0.5, 0.5, 0.5, 0.5})).isEqualTo(MarketMotion.QUIET);
        assertThat(motion.changes(new double[] {0.1, 0.9, 0.5, 0.5, 0.5, 0.5})).isZero();
    }

    @Test
    void callsAMarketMovingWhenOneOfTheLastStepsMovedByMoreThanTheThreshold() {
        assertThat(motion.of(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.501})).isEqualTo(MarketMotion.MOVING);
        assertThat(new MarketMotion(3, 0.001).of(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5005}))
                .isEqualTo(MarketMotion.QUIET);
    }

    @Test
    void looksBackExactlyTheConfiguredNumberOfSteps() {
        assertThat(motion.of(new double[] {0.9, 0.2, 0.2, 0.2, 0.2})).isEqualTo(MarketMotion.QUIET);
        assertThat(motion.of(new double[] {0.9, 0.2, 0.2, 0.2})).isEqualTo(MarketMotion.MOVING);
    }

    @Test
    void classesMovingMarketsByHowManyStepsMovedAndByTheirLastMove() {
        final MarketMotion classes = new MarketMotion(6, 0.0, new int[] {1, 3, 6}, true);
        assertThat(classes.activity(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}))
                .isEqualTo("quiet");
        assertThat(classes.activity(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6}))
                .isEqualTo("moving1-2-up");
        assertThat(classes.activity(new double[] {0.5, 0.6, 0.5, 0.6, 0.6, 0.6, 0.6}))
                .isEqualTo("moving3-5-up");
        assertThat(classes.activity(new double[] {0.5, 0.6, 0.5, 0.6, 0.5, 0.6, 0.5}))
                .isEqualTo("moving6+-down");
        assertThat(new MarketMotion(6, 0.0, new int[] {2}, false).activity(new double[] {0.5, 0.6}))
                .isEqualTo("moving1-1");
    }
}
