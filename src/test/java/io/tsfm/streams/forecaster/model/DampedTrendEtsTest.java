package io.tsfm.streams.forecaster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The maths of damped-trend smoothing and its empirical band, without HTTP. */
class DampedTrendEtsTest {

    private static final double[] DECILES = {0.1, 0.5, 0.9};

    @Test
    void onAConstantSeriesTheBandCollapsesToTheConstant() {
        final double[] y = new double[48];
        Arrays.fill(y, -0.75);

        final DampedTrendEts.Forecast f = DampedTrendEts.forecast(y, 6, DECILES);

        for (int k = 0; k < 6; k++) {
            assertThat(f.mean()[k]).isCloseTo(-0.75, within(1e-12));
            for (int i = 0; i < DECILES.length; i++) {
                assertThat(f.quantiles()[i][k]).isCloseTo(-0.75, within(1e-12));
            }
        }
    }

    @Test
    void onALinearTrendThePointForecastIsDampedAndTheMedianFollowsTheTrend() {
        final double[] y = new double[100];
        for (int t = 0; t < y.length; t++) {
            y[t] = 2.0 + 0.5 * t;
        }
        final double last = y[y.length - 1];

        final DampedTrendEts.Forecast f = DampedTrendEts.forecast(y, 6, DECILES);

        for (int k = 1; k <= 6; k++) {
            final double linear = last + 0.5 * k;
            final double mean = f.mean()[k - 1];
            assertThat(mean).isGreaterThan(k == 1 ? last : f.mean()[k - 2]).isLessThan(linear);
            assertThat(f.quantiles()[1][k - 1]).isCloseTo(linear, within(1e-6));
        }
        assertThat(0.5 * 6 - (f.mean()[5] - last)).isGreaterThan(0.5 - (f.mean()[0] - last));
    }

    @Test
    void onARandomWalkTheEightyPercentBandCoversAboutEightyPercentOfHeldOutSteps() {
        final int runs = 400;
        int coveredFirst = 0;
        int coveredFifth = 0;
        for (int seed = 0; seed < runs; seed++) {
            final double[] walk = randomWalk(new Random(seed), 205);
            final DampedTrendEts.Forecast f =
                    DampedTrendEts.forecast(Arrays.copyOf(walk, 200), 5, new double[] {0.1, 0.9});
            coveredFirst += covers(f, 0, walk[200]) ? 1 : 0;
            coveredFifth += covers(f, 4, walk[204]) ? 1 : 0;
        }

        assertThat(coveredFirst / (double) runs).isBetween(0.7, 0.9);
        assertThat(coveredFifth / (double) runs).isBetween(0.7, 0.9);
    }

    @Test
    void quantilePathsNeverCrossEvenWithManyLevels() {
        final double[] levels = {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};
        final double[] y = randomWalk(new Random(3), 288);

        final DampedTrendEts.Forecast f = DampedTrendEts.forecast(y, 24, levels);

        for (int k = 0; k < 24; k++) {
            for (int i = 1; i < levels.length; i++) {
                assertThat(f.quantiles()[i][k]).isGreaterThanOrEqualTo(f.quantiles()[i - 1][k]);
            }
        }
    }

    @Test
    void withTooFewErrorsTheBandIsANormalOneWideningWithTheSquareRootOfTheStep() {
        final double[] y = {1, 2, 1.5, 3, 2.5, 4, 3.2, 5, 4.1, 6};

        final DampedTrendEts.Forecast f = DampedTrendEts.forecast(y, 4, DECILES);

        final double halfWidth1 = f.quantiles()[2][0] - f.mean()[0];
        for (int k = 1; k <= 4; k++) {
            assertThat(f.quantiles()[2][k - 1] - f.mean()[k - 1]).isCloseTo(halfWidth1 * Math.sqrt(k), within(1e-9));
            assertThat(f.mean()[k - 1] - f.quantiles()[0][k - 1]).isCloseTo(halfWidth1 * Math.sqrt(k), within(1e-9));
            assertThat(f.quantiles()[1][k - 1]).isCloseTo(f.mean()[k - 1], within(1e-9));
        }
        assertThat(halfWidth1).isPositive();
    }

    @Test
    void aSingleObservationGivesAFlatForecastWithACollapsedBand() {
        final DampedTrendEts.Forecast f = DampedTrendEts.forecast(new double[] {0.3}, 3, DECILES);

        assertThat(f.mean()).containsExactly(0.3, 0.3, 0.3);
        assertThat(f.quantiles()[0]).containsExactly(0.3, 0.3, 0.3);
        assertThat(f.quantiles()[2]).containsExactly(0.3, 0.3, 0.3);
    }

    @Test
    void withoutLevelsOnlyTheMeanIsProduced() {
        final DampedTrendEts.Forecast f = DampedTrendEts.forecast(new double[] {1.0, 2.0, 3.0}, 2, new double[0]);

        assertThat(f.mean()).hasSize(2);
        assertThat(f.quantiles()).isEmpty();
    }

    @Test
    void theGridSearchPicksTheParametersWithTheSmallestOneStepError() {
        final double[] y = randomWalk(new Random(11), 300);

        final DampedTrendEts.Parameters best = DampedTrendEts.fit(y);

        assertThat(best.alpha()).isGreaterThanOrEqualTo(0.8);
        assertThat(best.phi()).isIn(0.8, 0.9, 0.98);
    }

    @Test
    void theEmpiricalQuantileInterpolatesLinearly() {
        final double[] sorted = {1.0, 2.0, 3.0, 4.0, 5.0};

        assertThat(DampedTrendEts.empiricalQuantile(sorted, 0.5)).isEqualTo(3.0);
        assertThat(DampedTrendEts.empiricalQuantile(sorted, 0.1)).isCloseTo(1.4, within(1e-12));
        assertThat(DampedTrendEts.empiricalQuantile(sorted, 0.9)).isCloseTo(4.6, within(1e-12));
    }

    @Test
    void dampingSumsAddThePowersOfPhi() {
        assertThat(DampedTrendEts.dampingSums(0.5, 3)).containsExactly(0.5, 0.75, 0.875);
    }

    @Test
    void anEmptySeriesOrANonPositiveHorizonIsRejected() {
        assertThatThrownBy(() -> DampedTrendEts.forecast(new double[0], 3, DECILES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DampedTrendEts.forecast(new double[] {1.0}, 0, DECILES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean covers(final DampedTrendEts.Forecast f, final int step, final double actual) {
        return actual >= f.quantiles()[0][step] && actual <= f.quantiles()[1][step];
    }

    private static double[] randomWalk(final Random random, final int length) {
        final double[] walk = new double[length];
        for (int t = 1; t < length; t++) {
            walk[t] = walk[t - 1] + random.nextGaussian();
        }
        return walk;
    }
}
