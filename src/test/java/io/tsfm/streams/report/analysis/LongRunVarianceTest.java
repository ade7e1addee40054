package io.tsfm.streams.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LongRunVarianceTest {
    private static final double[] RAMP = {1, 2, 3, 4};

    @Test
    void lagZeroIsTheSampleVarianceWithDivisorN() {
        // deviations -1.5, -0.5, 0.5, 1.5: (2.25 + 0.25 + 0.25 + 2.25) / 4
        assertThat(LongRunVariance.of(RAMP, 0)).isCloseTo(1.25, within(1e-12));
    }

    @Test
    void lagOneAddsTheFirstAutocovarianceWithBartlettWeightHalf() {
        // g1 = (0.75 - 0.25 + 0.75) / 4 = 0.3125; 1.25 + 2 * 0.5 * 0.3125
        assertThat(LongRunVariance.of(RAMP, 1)).isCloseTo(1.5625, within(1e-12));
    }

    @Test
    void lagTwoWeighsTheAutocovariancesTwoThirdsAndOneThird() {
        // g2 = (-0.75 - 0.75) / 4 = -0.375; 1.25 + 2 * (2/3) * 0.3125 + 2 * (1/3) * (-0.375)
        assertThat(LongRunVariance.of(RAMP, 2)).isCloseTo(1.25 + 0.3125 * 4 / 3 - 0.25, within(1e-12));
    }

    @Test
    void anAlternatingSeriesHasALongRunVarianceBelowItsVariance() {
        // g0 = 1, g1 = -3/4: 1 + 2 * 0.5 * (-0.75) = 0.25
        assertThat(LongRunVariance.of(new double[] {1, -1, 1, -1}, 1)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void theDefaultLagFollowsNeweyAndWestsRule() {
        assertThat(LongRunVariance.defaultLag(4)).isEqualTo(1);
        assertThat(LongRunVariance.defaultLag(50)).isEqualTo(3);
        assertThat(LongRunVariance.defaultLag(100)).isEqualTo(4);
        assertThat(LongRunVariance.defaultLag(288)).isEqualTo(5);
        assertThat(LongRunVariance.of(RAMP)).isEqualTo(LongRunVariance.of(RAMP, 1));
    }

    @Test
    void prewhiteningRecoloursTheNeweyWestVarianceOfTheAr1Residuals() {
        // r = 0.3125 / 1.25 = 0.25; residuals -0.125, 0.625, 1.375 (deviations -0.75, 0, 0.75): g0 = 0.375,
        // g1 = 0, lag 1; 0.375 / 0.75^2
        assertThat(LongRunVariance.prewhitened(RAMP)).isCloseTo(0.375 / 0.5625, within(1e-12));
        assertThat(LongRunVariance.prewhitened(new double[] {2, 2, 2})).isZero();
    }

    @Test
    void refusesASingleValueAndANegativeLag() {
        assertThatThrownBy(() -> LongRunVariance.of(new double[] {1}, 0)).hasMessageContaining("two values");
        assertThatThrownBy(() -> LongRunVariance.of(RAMP, -1)).hasMessageContaining("lag must be >= 0");
        assertThatThrownBy(() -> LongRunVariance.prewhitened(new double[] {1, 2}))
                .hasMessageContaining("three");
    }
}
