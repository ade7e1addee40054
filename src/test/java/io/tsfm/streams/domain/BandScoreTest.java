package io.tsfm.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BandScoreTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private static final double[] BAND = {0.40, 0.50, 0.60};

    @Test
    void scoresAValueInsideTheBandWithHandComputedPinballLosses() {
        final BandScore s = BandScore.of(LEVELS, BAND, 0.55);
        assertThat(s.outcome()).isEqualTo(BandOutcome.INSIDE);
        // q10: y >= q -> 0.1 * 0.15 = 0.015; q50: 0.5 * 0.05 = 0.025; q90: y < q -> 0.1 * 0.05 = 0.005
        assertThat(s.pinball()).containsExactly(new double[] {0.015, 0.025, 0.005}, within(1e-12));
        assertThat(s.meanPinball()).isCloseTo(0.015, within(1e-12));
        assertThat(s.width()).isCloseTo(0.20, within(1e-12));
    }

    @Test
    void scoresAValueBelowTheBand() {
        final BandScore s = BandScore.of(LEVELS, BAND, 0.30);
        assertThat(s.outcome()).isEqualTo(BandOutcome.BELOW);
        // all quantiles above y: (1 - tau) * (q - y) = 0.9*0.10, 0.5*0.20, 0.1*0.30
        assertThat(s.pinball()).containsExactly(new double[] {0.09, 0.10, 0.03}, within(1e-12));
    }

    @Test
    void scoresAValueAboveTheBand() {
        final BandScore s = BandScore.of(LEVELS, BAND, 0.70);
        assertThat(s.outcome()).isEqualTo(BandOutcome.ABOVE);
        // all quantiles below y: tau * (y - q) = 0.1*0.30, 0.5*0.20, 0.9*0.10
        assertThat(s.pinball()).containsExactly(new double[] {0.03, 0.10, 0.09}, within(1e-12));
    }

    @Test
    void countsTheBandEdgesAsInside() {
        assertThat(BandScore.of(LEVELS, BAND, 0.40).outcome()).isEqualTo(BandOutcome.INSIDE);
        assertThat(BandScore.of(LEVELS, BAND, 0.60).outcome()).isEqualTo(BandOutcome.INSIDE);
    }

    @Test
    void countsAValueOnAnEdgeThatWentThroughAFloatRoundTripAsInside() {
        // predictit:2721:Republican at 2020-09-26T03:00Z, h=1: the model's q90 came back as 0.4499999992156812
        final double[] band = {0.43, 0.44, 0.4499999992156812};
        assertThat(BandScore.of(LEVELS, band, 0.45).outcome()).isEqualTo(BandOutcome.INSIDE);
        assertThat(BandScore.of(LEVELS, new double[] {0.4500000007843188, 0.46, 0.47}, 0.45)
                        .outcome())
                .isEqualTo(BandOutcome.INSIDE);
    }

    @Test
    void stillCountsAValueOneSmallTickOutsideTheBandAsAMiss() {
        final double[] band = {0.43, 0.44, 0.4499999992156812};
        assertThat(BandScore.of(LEVELS, band, 0.4501).outcome()).isEqualTo(BandOutcome.ABOVE);
        assertThat(BandScore.of(LEVELS, band, 0.4299).outcome()).isEqualTo(BandOutcome.BELOW);
    }

    @Test
    void labelsOutcomesInLowerCase() {
        assertThat(BandOutcome.ABOVE.label()).isEqualTo("above");
    }
}
