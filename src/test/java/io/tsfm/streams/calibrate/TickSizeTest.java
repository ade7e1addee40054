package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickSizeTest {

    @Test
    void readsTheCoarsestGridEveryPriceLiesOn() {
        assertThat(TickSize.of(new double[] {0.45, 0.46, 0.44, 0.0, 1.0})).isEqualTo(0.01);
        assertThat(TickSize.of(new double[] {0.0215, 0.0225, 0.021})).isEqualTo(0.0005);
        assertThat(TickSize.of(new double[] {0.515, 0.52})).isEqualTo(0.005);
        assertThat(TickSize.of(new double[] {0.4, 0.403})).isEqualTo(0.001);
    }

    @Test
    void toleratesTheFloatNoiseOfPricesAndSkipsMissingValues() {
        // 0.2 + 0.002 * 37 is 0.27400000000000002 in binary
        assertThat(TickSize.of(new double[] {0.2 + 0.002 * 37, Double.NaN, 0.3}))
                .isEqualTo(0.001);
    }

    @Test
    void aStillMarketsRunsOfOnePriceReadAsThatPriceOnce() {
        assertThat(TickSize.of(new double[] {0.5, 0.5, 0.5, Double.NaN, 0.5, 0.515, 0.515, 0.5}))
                .isEqualTo(0.005);
        assertThat(TickSize.of(new double[] {0.5, 0.5, 0.51234567, 0.51234567, 0.5}))
                .isZero();
    }

    @Test
    void seesNoGridInPricesOfAnyPrecision() {
        assertThat(TickSize.of(new double[] {0.4123456, 0.5})).isZero();
    }
}
