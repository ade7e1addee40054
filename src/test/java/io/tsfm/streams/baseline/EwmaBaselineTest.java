package io.tsfm.streams.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.Transform;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EwmaBaselineTest {
    private static final double Z90 = 1.2815515655446008;
    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    private static double sigmoid(final double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** logit values 0, 1, -1. */
    private static final double[] THREE_POINTS = {0.5, sigmoid(1.0), sigmoid(-1.0)};

    @Test
    void aConstantSeriesHasAnExactMedianAndTheEpsilonBandGrowingWithTheSquareRootOfTheStep() {
        final QuantilePaths out = new EwmaBaseline(Transform.logit()).forecast(new double[] {0.5, 0.5, 0.5}, LEVELS, 3);

        for (int k = 1; k <= 3; k++) {
            final double half = Z90 * Math.sqrt(1e-6) * Math.sqrt(k);
            assertThat(out.value(1, k - 1)).isEqualTo(0.5);
            assertThat(out.value(0, k - 1)).isCloseTo(sigmoid(-half), within(1e-12));
            assertThat(out.value(2, k - 1)).isCloseTo(sigmoid(half), within(1e-12));
        }
    }

    @Test
    void runsTheSeedRecurrenceOnAThreePointSeriesInLogitSpace() {
        // x = 0, 1, -1; level: 0 -> 0.2 -> -0.04; var: 0 -> 0.2*1^2 = 0.2 -> 0.2*1.2^2 + 0.8*0.2 = 0.448
        final EwmaBaseline.Fit fit = new EwmaBaseline(Transform.logit()).fit(THREE_POINTS);

        assertThat(fit.level()).isCloseTo(-0.04, within(1e-12));
        assertThat(fit.variance()).isCloseTo(0.448, within(1e-12));
        assertThat(fit.points()).isEqualTo(3);
    }

    @Test
    void widensTheBandWithTheSquareRootOfTheStep() {
        final QuantilePaths out = new EwmaBaseline(Transform.logit()).forecast(THREE_POINTS, LEVELS, 2);

        final double sigma = Math.sqrt(0.448);
        assertThat(out.path(1)).containsExactly(new double[] {sigmoid(-0.04), sigmoid(-0.04)}, within(1e-12));
        assertThat(out.value(2, 0)).isCloseTo(sigmoid(-0.04 + Z90 * sigma), within(1e-12));
        assertThat(out.value(2, 1)).isCloseTo(sigmoid(-0.04 + Z90 * sigma * Math.sqrt(2)), within(1e-12));
        assertThat(out.value(0, 1)).isCloseTo(sigmoid(-0.04 - Z90 * sigma * Math.sqrt(2)), within(1e-12));
    }

    @Test
    void itsLastStepAtHorizonTwelveEqualsTheSeedsFlatBand() {
        final QuantilePaths out = new EwmaBaseline(Transform.logit()).forecast(THREE_POINTS, LEVELS, 12);

        final double seedSigma = Math.sqrt(Math.max(0.448, 1e-6)) * Math.sqrt(Math.max(12, 1));
        assertThat(out.value(0, 11)).isCloseTo(sigmoid(-0.04 - Z90 * seedSigma), within(1e-12));
        assertThat(out.value(1, 11)).isCloseTo(sigmoid(-0.04), within(1e-12));
        assertThat(out.value(2, 11)).isCloseTo(sigmoid(-0.04 + Z90 * seedSigma), within(1e-12));
        assertThat(out.value(2, 0)).isLessThan(out.value(2, 11));
    }

    @Test
    void worksInRawProbabilitySpaceWhenTheTransformIsOff() {
        // level: 0.5 -> 0.52 -> 0.496; var: 0 -> 0.2*0.1^2 = 0.002 -> 0.2*0.12^2 + 0.8*0.002 = 0.00448
        final EwmaBaseline baseline = new EwmaBaseline(Transform.none());
        final double[] series = {0.5, 0.6, 0.4};

        final EwmaBaseline.Fit fit = baseline.fit(series);
        final QuantilePaths out = baseline.forecast(series, LEVELS, 1);

        assertThat(fit.level()).isCloseTo(0.496, within(1e-12));
        assertThat(fit.variance()).isCloseTo(0.00448, within(1e-12));
        assertThat(out.value(0, 0)).isCloseTo(0.496 - Z90 * Math.sqrt(0.00448), within(1e-12));
        assertThat(out.value(1, 0)).isCloseTo(0.496, within(1e-12));
        assertThat(out.value(2, 0)).isCloseTo(0.496 + Z90 * Math.sqrt(0.00448), within(1e-12));
    }

    @Test
    void usesOnlyTheLast288Of300Points() {
        final double[] tail = new double[288];
        Arrays.fill(tail, 0.5);
        final double[] context = new double[300];
        Arrays.fill(context, 0.5);
        Arrays.fill(context, 0, 12, 0.9);
        final EwmaBaseline baseline = new EwmaBaseline(Transform.logit());

        assertThat(baseline.fit(context)).isEqualTo(new EwmaBaseline.Fit(0.0, 0.0, 288));
        assertThat(baseline.forecast(context, LEVELS, 4)).isEqualTo(baseline.forecast(tail, LEVELS, 4));
    }

    @Test
    void skipsNonFiniteValuesBeforeTakingTheWindow() {
        final double[] context = {0.5, Double.NaN, sigmoid(1.0), Double.POSITIVE_INFINITY, sigmoid(-1.0)};

        final EwmaBaseline.Fit fit = new EwmaBaseline(Transform.logit()).fit(context);

        assertThat(fit.points()).isEqualTo(3);
        assertThat(fit.level()).isCloseTo(-0.04, within(1e-12));
        assertThat(fit.variance()).isCloseTo(0.448, within(1e-12));
    }

    @Test
    void aSingleValueGivesZeroVarianceAndTheEpsilonBand() {
        final QuantilePaths out = new EwmaBaseline(Transform.none()).forecast(new double[] {0.3}, LEVELS, 4);

        assertThat(out.value(1, 3)).isEqualTo(0.3);
        assertThat(out.value(2, 3)).isCloseTo(0.3 + Z90 * Math.sqrt(1e-6) * 2.0, within(1e-12));
    }

    @Test
    void rejectsAContextWithoutAnyFiniteValue() {
        final EwmaBaseline baseline = new EwmaBaseline(Transform.logit());

        assertThatThrownBy(() -> baseline.forecast(new double[] {Double.NaN}, LEVELS, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> baseline.forecast(new double[0], LEVELS, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsANonPositiveHorizonAndLevelsOutsideTheUnitInterval() {
        final EwmaBaseline baseline = new EwmaBaseline(Transform.logit());

        assertThatThrownBy(() -> baseline.forecast(THREE_POINTS, LEVELS, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> baseline.forecast(THREE_POINTS, new double[] {0.5, 1.0}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void supportsAnyAscendingSetOfLevels() {
        final QuantilePaths out = new EwmaBaseline(Transform.none())
                .forecast(new double[] {0.5, 0.6, 0.4}, new double[] {0.025, 0.975}, 1);

        assertThat(out.value(1, 0)).isCloseTo(0.496 + 1.959963984540054 * Math.sqrt(0.00448), within(1e-12));
    }

    @Test
    void namesItsMethodAndVersion() {
        assertThat(EwmaBaseline.METHOD).isEqualTo("ewma_sqrt_step");
        assertThat(EwmaBaseline.version()).isEqualTo("ewma-a0.2-v1");
        assertThat(new EwmaBaseline(0.35, 100, Transform.logit()).modelVersion())
                .isEqualTo("ewma-a0.35-v1");
    }
}
