package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarketMotionTest {
    private final MarketMotion motion = new MarketMotion(3, 0.001);

    @Test
    void callsAMarketFlatWhenItsLastStepsStayWithinTheThreshold() {
        assertThat(motion.of(new double[] {0.1, 0.9, 0.5, 0.5005, 0.5, 0.5})).isEqualTo(MarketMotion.FLAT);
    }

    @Test
    void callsAMarketMovingWhenItsLastStepsMoveMoreThanTheThreshold() {
        assertThat(motion.of(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.503})).isEqualTo(MarketMotion.MOVING);
    }

    @Test
    void looksOnlyAtTheLastStepsAndTheValueBeforeThem() {
        // 4 values (3 steps of change): the 0.9 is outside the look-back
        assertThat(motion.of(new double[] {0.9, 0.2, 0.2, 0.2, 0.2})).isEqualTo(MarketMotion.FLAT);
        assertThat(motion.of(new double[] {0.9, 0.2, 0.2, 0.2})).isEqualTo(MarketMotion.MOVING);
    }
}
