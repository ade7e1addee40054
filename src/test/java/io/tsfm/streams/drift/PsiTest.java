package io.tsfm.streams.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PsiTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void aShiftBetweenTwoBinsMatchesTheHandComputation() {
        // e = (0.50, 0.50), a = (0.25, 0.75)
        // (0.25 - 0.50) * ln(0.25 / 0.50) = -0.25 * -0.693147 = 0.173287
        // (0.75 - 0.50) * ln(0.75 / 0.50) =  0.25 *  0.405465 = 0.101366
        // PSI = 0.274653
        final double psi = Psi.of(new Histogram(new long[] {50, 50}), new Histogram(new long[] {25, 75}));

        assertThat(psi).isCloseTo(0.25 * Math.log(2) + 0.25 * Math.log(1.5), within(TOLERANCE));
        assertThat(psi).isCloseTo(0.2746530721670274, within(TOLERANCE));
    }

    @Test
    void aReversedDistributionOverFourBinsMatchesTheHandComputation() {
        // e = (0.1, 0.2, 0.3, 0.4), a = (0.4, 0.3, 0.2, 0.1)
        // ( 0.3) * ln(4)   = 0.415888    ( 0.1) * ln(1.5) = 0.040547
        // (-0.1) * ln(2/3) = 0.040547    (-0.3) * ln(1/4) = 0.415888
        // PSI = 0.912870
        final double psi =
                Psi.of(new Histogram(new long[] {10, 20, 30, 40}), new Histogram(new long[] {40, 30, 20, 10}));

        assertThat(psi).isCloseTo(0.6 * Math.log(4) + 0.2 * Math.log(1.5), within(TOLERANCE));
        assertThat(psi).isCloseTo(0.9128696382935673, within(TOLERANCE));
    }

    @Test
    void anEmptyReferenceBinIsFlooredAtTheEpsilon() {
        // e = (0.6, 0.4, 0 -> 1e-4), a = (0.5, 0.3, 0.2)
        // (0.5 - 0.6) * ln(0.5 / 0.6)      = 0.018232
        // (0.3 - 0.4) * ln(0.3 / 0.4)      = 0.028768
        // (0.2 - 1e-4) * ln(0.2 / 1e-4)    = 0.1999 * ln(2000) = 1.519420
        // PSI = 1.566421
        final double psi = Psi.of(new Histogram(new long[] {60, 40, 0}), new Histogram(new long[] {50, 30, 20}));

        assertThat(psi)
                .isCloseTo(0.1 * Math.log(1.2) + 0.1 * Math.log(4.0 / 3) + 0.1999 * Math.log(2000), within(TOLERANCE));
        assertThat(psi).isCloseTo(1.566420764587036, within(TOLERANCE));
    }

    @Test
    void aBinEmptyOnBothSidesAddsNothing() {
        final double threeBins = Psi.of(new Histogram(new long[] {60, 40, 0}), new Histogram(new long[] {50, 30, 20}));
        final double fourBins =
                Psi.of(new Histogram(new long[] {60, 40, 0, 0}), new Histogram(new long[] {50, 30, 20, 0}));

        assertThat(fourBins).isEqualTo(threeBins);
    }

    @Test
    void equalProportionsGiveZeroWhateverTheCounts() {
        assertThat(Psi.of(new Histogram(new long[] {1, 2, 3}), new Histogram(new long[] {100, 200, 300})))
                .isZero();
    }

    @Test
    void swappingReferenceAndCurrentGivesTheSameValue() {
        final Histogram a = new Histogram(new long[] {5, 17, 40, 8});
        final Histogram b = new Histogram(new long[] {9, 11, 30, 20});

        assertThat(Psi.of(a, b)).isCloseTo(Psi.of(b, a), within(TOLERANCE));
    }

    @Test
    void anEmptySideHasNoPsi() {
        assertThat(Psi.of(Histogram.empty(3), new Histogram(new long[] {1, 2, 3})))
                .isNaN();
        assertThat(Psi.of(new Histogram(new long[] {1, 2, 3}), Histogram.empty(3)))
                .isNaN();
    }

    @Test
    void histogramsOverDifferentBinsCannotBeCompared() {
        assertThatThrownBy(() -> Psi.of(Histogram.empty(3), Histogram.empty(4)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
