package io.tsfm.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class ErfcTest {

    @Test
    void isOneAtZero() {
        assertThat(Erfc.erfc(0.0)).isEqualTo(1.0);
    }

    @Test
    void matchesTabulatedValuesInEachApproximationRegion() {
        assertThat(Erfc.erfc(0.3)).isCloseTo(0.6713732405408726, within(1e-15));
        assertThat(Erfc.erfc(1.0)).isCloseTo(0.15729920705028513, within(1e-15));
        assertThat(Erfc.erfc(2.0)).isCloseTo(0.004677734981047265, within(1e-16));
        assertThat(Erfc.erfc(5.0)).isCloseTo(1.5374597944280351e-12, Percentage.withPercentage(1e-12));
    }

    @Test
    void reflectsNegativeArgumentsAsTwoMinusTheUpperTail() {
        assertThat(Erfc.erfc(-1.0)).isCloseTo(1.842700792949715, within(1e-15));
        assertThat(Erfc.erfc(-3.0)).isCloseTo(1.9999779095030015, within(1e-15));
    }

    @Test
    void underflowsToZeroFarInTheUpperTail() {
        assertThat(Erfc.erfc(30.0)).isEqualTo(0.0);
    }
}
