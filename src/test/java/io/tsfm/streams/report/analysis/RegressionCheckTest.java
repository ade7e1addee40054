package io.tsfm.streams.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.NormalQuantile;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {
    private static final RegressionCheck FOUR_BOUNDARIES = new RegressionCheck(0.05, 0.10, 4);

    @Test
    void computesZAndPFromTheHacVariancesOfBothPeriods() {
        // both series have a prewhitened LRV of 2/3 (LongRunVarianceTest); se = sqrt(2 * (2/3) / 4) = sqrt(1/3)
        final RegressionCheck.Outcome o = FOUR_BOUNDARIES.test(new double[] {1, 2, 3, 4}, new double[] {2, 3, 4, 5});
        assertThat(o.previousMean()).isEqualTo(2.5);
        assertThat(o.currentMean()).isEqualTo(3.5);
        assertThat(o.relativeChange()).isCloseTo(0.4, within(1e-12));
        assertThat(o.z()).isCloseTo(Math.sqrt(3.0), within(1e-9));
        assertThat(o.pValue()).isCloseTo(0.041632, within(1e-5));
        assertThat(o.verdict()).isEqualTo(RegressionCheck.Verdict.REGRESSED);
    }

    @Test
    void flagsALargeSignificantRise() {
        final RegressionCheck.Outcome o =
                FOUR_BOUNDARIES.test(new double[] {1, 2, 3, 4}, new double[] {11, 12, 13, 14});
        assertThat(o.relativeChange()).isCloseTo(4.0, within(1e-12));
        assertThat(o.pValue()).isLessThan(1e-6);
        assertThat(o.regressed()).isTrue();
    }

    @Test
    void doesNotFlagARiseThatIsNotSignificant() {
        final RegressionCheck.Outcome o =
                FOUR_BOUNDARIES.test(new double[] {1, 1, 4, 4}, new double[] {1.5, 1.5, 4.5, 4.5});
        assertThat(o.relativeChange()).isCloseTo(0.2, within(1e-12));
        assertThat(o.pValue()).isCloseTo(0.3067, within(1e-3));
        assertThat(o.verdict()).isEqualTo(RegressionCheck.Verdict.UNCHANGED);
    }

    @Test
    void doesNotFlagASignificantRiseSmallerThanTheMinimumEffect() {
        final double[] before = new double[100];
        final double[] after = new double[100];
        for (int i = 0; i < 100; i++) {
            before[i] = i % 2 == 0 ? 1.00 : 1.02;
            after[i] = i % 2 == 0 ? 1.05 : 1.07;
        }
        final RegressionCheck.Outcome o = RegressionCheck.DEFAULT.test(before, after);
        assertThat(o.pValue()).isLessThan(1e-6);
        assertThat(o.relativeChange()).isCloseTo(0.0495, within(1e-3));
        assertThat(o.verdict()).isEqualTo(RegressionCheck.Verdict.UNCHANGED);
    }

    @Test
    void saysImprovedForALargeSignificantFall() {
        assertThat(FOUR_BOUNDARIES
                        .test(new double[] {11, 12, 13, 14}, new double[] {1, 2, 3, 4})
                        .verdict())
                .isEqualTo(RegressionCheck.Verdict.IMPROVED);
    }

    @Test
    void givesNoVerdictOnTooFewBoundaries() {
        final RegressionCheck.Outcome o = RegressionCheck.DEFAULT.test(new double[] {1, 2}, new double[30]);
        assertThat(o.verdict()).isEqualTo(RegressionCheck.Verdict.TOO_FEW_BOUNDARIES);
        assertThat(o.previousMean()).isEqualTo(1.5);
        assertThat(o.pValue()).isNaN();
    }

    @Test
    void falseAlarmsAtAboutItsNominalLevelOnDependentNoChangePeriods() {
        // 4000 no-change day pairs of AR(1) losses (phi 0.5), no minimum effect: the test's size alone. Measured
        // 0.0518 (docs/operations.md); the binomial standard error of a 5 % rate over 4000 pairs is 0.0034
        final RegressionCheck sizeOnly = new RegressionCheck(0.05, 0.0, 24);
        final double rate = alarmRate(sizeOnly, 0.5, 1.0, 4000, 18);
        assertThat(rate).isCloseTo(0.05, within(0.012));
        // with the report's minimum effect (a rise of a tenth), fewer still
        assertThat(alarmRate(RegressionCheck.DEFAULT, 0.5, 1.0, 4000, 18)).isLessThanOrEqualTo(rate);
    }

    @Test
    void anIidVarianceWouldFalseAlarmFarAboveTheNominalLevel() {
        // the same periods judged with lag 0: why the HAC variance is needed
        final SplittableRandom rng = new SplittableRandom(18);
        int alarms = 0;
        for (int r = 0; r < 2000; r++) {
            final double[][] days = ar1Days(rng, 0.5, 1.0);
            final double se = Math.sqrt(LongRunVariance.of(days[0], 0) / 288 + LongRunVariance.of(days[1], 0) / 288);
            if (1.0 - NormalQuantile.cdf((LongRunVariance.mean(days[1]) - LongRunVariance.mean(days[0])) / se) < 0.05) {
                alarms++;
            }
        }
        assertThat(alarms / 2000.0).isGreaterThan(0.12);
    }

    @Test
    void detectsARiseOfAFifthInAlmostEveryDependentDay() {
        assertThat(alarmRate(RegressionCheck.DEFAULT, 0.5, 1.2, 1000, 7)).isGreaterThan(0.95);
    }

    @Test
    void refusesSettingsOutsideTheirRange() {
        assertThatThrownBy(() -> new RegressionCheck(0.0, 0.1, 24)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new RegressionCheck(0.05, -0.1, 24)).hasMessageContaining("minEffect");
        assertThatThrownBy(() -> new RegressionCheck(0.05, 0.1, 1)).hasMessageContaining("minBoundaries");
    }

    /** Share of day pairs flagged, the second day's mean loss scaled by {@code factor}. */
    static double alarmRate(
            final RegressionCheck check, final double phi, final double factor, final int pairs, final long seed) {
        final SplittableRandom rng = new SplittableRandom(seed);
        int alarms = 0;
        for (int r = 0; r < pairs; r++) {
            final double[][] days = ar1Days(rng, phi, factor);
            if (check.test(days[0], days[1]).regressed()) {
                alarms++;
            }
        }
        return (double) alarms / pairs;
    }

    /**
     * Two consecutive days of 288 per-boundary losses: mean 1, AR(1) noise (innovation sd 0.3) running on
     * across the two days, the second day multiplied by {@code factor}.
     */
    static double[][] ar1Days(final SplittableRandom rng, final double phi, final double factor) {
        final double[][] days = new double[2][288];
        double noise = gaussian(rng) * 0.3 / Math.sqrt(1 - phi * phi);
        for (int d = 0; d < 2; d++) {
            for (int t = 0; t < 288; t++) {
                noise = phi * noise + 0.3 * gaussian(rng);
                days[d][t] = (1.0 + noise) * (d == 1 ? factor : 1.0);
            }
        }
        return days;
    }

    /** A standard normal draw (Box-Muller), so the series depend on the seed only. */
    private static double gaussian(final SplittableRandom rng) {
        return Math.sqrt(-2.0 * Math.log(1.0 - rng.nextDouble())) * Math.cos(2.0 * Math.PI * rng.nextDouble());
    }
}
