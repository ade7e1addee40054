package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.QuantilePaths;
import org.junit.jupiter.api.Test;

class QuantileSanitizerTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private final QuantileSanitizer sanitizer = QuantileSanitizer.defaults();

    private static QuantilePaths oneStep(final double q10, final double q50, final double q90) {
        return new QuantilePaths(LEVELS, new double[][] {{q10}, {q50}, {q90}});
    }

    private static double[] step(final SanitizedForecast out, final int k) {
        final double[] values = new double[out.paths().levelCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = out.paths().value(i, k);
        }
        return values;
    }

    @Test
    void leavesAValidForecastUntouchedWithoutWarnings() {
        final QuantilePaths in = new QuantilePaths(LEVELS, new double[][] {{0.30, 0.35}, {0.40, 0.42}, {0.50, 0.55}});

        final SanitizedForecast out = sanitizer.sanitize(in);

        assertThat(out.paths()).isEqualTo(in);
        assertThat(out.warnings()).isEmpty();
        assertThat(out.crossingFixedSteps()).isZero();
        assertThat(out.minWidthSteps()).isZero();
        assertThat(out.maxWidthSteps()).isZero();
        assertThat(out.invalidSteps()).isZero();
    }

    @Test
    void clipsValuesIntoTheUnitIntervalWithoutAWarning() {
        final SanitizedForecast low = sanitizer.sanitize(oneStep(-0.05, 0.1, 0.3));
        final SanitizedForecast high = sanitizer.sanitize(oneStep(0.7, 0.9, 1.05));

        assertThat(step(low, 0)).containsExactly(0.0, 0.1, 0.3);
        assertThat(step(high, 0)).containsExactly(0.7, 0.9, 1.0);
        assertThat(low.warnings()).isEmpty();
        assertThat(high.warnings()).isEmpty();
    }

    @Test
    void sortsCrossedQuantilesAscending() {
        final SanitizedForecast out = sanitizer.sanitize(oneStep(0.6, 0.5, 0.4));

        assertThat(step(out, 0)).containsExactly(0.4, 0.5, 0.6);
        assertThat(out.warnings()).containsExactly("quantile_crossing_fixed");
        assertThat(out.crossingFixedSteps()).isEqualTo(1);
    }

    @Test
    void enforcesTheMinimumWidthAroundTheMedian() {
        final SanitizedForecast out = sanitizer.sanitize(oneStep(0.5, 0.5, 0.5));

        assertThat(step(out, 0)).containsExactly(new double[] {0.49, 0.5, 0.51}, within(1e-12));
        assertThat(out.warnings()).containsExactly("interval_min_width_enforced");
        assertThat(out.minWidthSteps()).isEqualTo(1);
    }

    @Test
    void clipsTheMinimumWidthBandAtTheEdge() {
        final SanitizedForecast out = sanitizer.sanitize(oneStep(0.0, 0.0, 0.0));

        assertThat(step(out, 0)).containsExactly(new double[] {0.0, 0.0, 0.01}, within(1e-12));
        assertThat(out.invalidSteps()).isZero();
    }

    @Test
    void clampsAnOverlyWideBandAroundTheMedian() {
        final SanitizedForecast out = sanitizer.sanitize(oneStep(0.1, 0.5, 0.95));

        assertThat(step(out, 0)).containsExactly(new double[] {0.2, 0.5, 0.8}, within(1e-12));
        assertThat(out.warnings()).containsExactly("interval_max_width_clamped");
        assertThat(out.maxWidthSteps()).isEqualTo(1);
    }

    @Test
    void clampsInnerLevelsIntoTheNewBand() {
        final QuantilePaths in = new QuantilePaths(
                new double[] {0.05, 0.1, 0.5, 0.9, 0.95}, new double[][] {{0.0}, {0.1}, {0.5}, {0.95}, {1.0}});

        final SanitizedForecast out = sanitizer.sanitize(in);

        assertThat(step(out, 0)).containsExactly(new double[] {0.2, 0.2, 0.5, 0.8, 0.8}, within(1e-12));
    }

    @Test
    void centresOnTheMiddleLevelWhenThereIsNoMedian() {
        final QuantilePaths odd = new QuantilePaths(new double[] {0.1, 0.3, 0.9}, new double[][] {{0.3}, {0.3}, {0.3}});
        final QuantilePaths even =
                new QuantilePaths(new double[] {0.1, 0.3, 0.7, 0.9}, new double[][] {{0.40}, {0.40}, {0.41}, {0.41}});

        assertThat(step(sanitizer.sanitize(odd), 0)).containsExactly(new double[] {0.29, 0.3, 0.31}, within(1e-12));
        // centre = (0.40 + 0.41) / 2 = 0.405 -> band 0.395 .. 0.415
        assertThat(step(sanitizer.sanitize(even), 0))
                .containsExactly(new double[] {0.395, 0.40, 0.41, 0.415}, within(1e-12));
    }

    @Test
    void reportsEachWarningOnceInAFixedOrderWithPerStepCounts() {
        final QuantilePaths in = new QuantilePaths(LEVELS, new double[][] {
            {0.5, 0.6, 0.6, 0.1},
            {0.5, 0.5, 0.5, 0.5},
            {0.5, 0.4, 0.4, 0.95}
        });

        final SanitizedForecast out = sanitizer.sanitize(in);

        assertThat(out.warnings())
                .containsExactly(
                        "quantile_crossing_fixed", "interval_min_width_enforced", "interval_max_width_clamped");
        assertThat(out.crossingFixedSteps()).isEqualTo(2);
        assertThat(out.minWidthSteps()).isEqualTo(1);
        assertThat(out.maxWidthSteps()).isEqualTo(1);
        assertThat(out.invalidSteps()).isZero();
    }

    @Test
    void leavesASingleLevelForecastWithoutWidthRules() {
        final QuantilePaths in = new QuantilePaths(new double[] {0.5}, new double[][] {{0.4, 1.2}});

        final SanitizedForecast out = sanitizer.sanitize(in);

        assertThat(out.paths().path(0)).containsExactly(0.4, 1.0);
        assertThat(out.warnings()).isEmpty();
    }

    @Test
    void honoursCustomWidthLimits() {
        final SanitizedForecast out = new QuantileSanitizer(0.1, 0.2).sanitize(oneStep(0.5, 0.5, 0.5));

        assertThat(step(out, 0)).containsExactly(new double[] {0.45, 0.5, 0.55}, within(1e-12));
    }

    @Test
    void refusesToHideNonFiniteValues() {
        assertThatThrownBy(() -> sanitizer.sanitize(oneStep(0.1, Double.NaN, 0.9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sanitizer.sanitize(oneStep(0.1, 0.5, Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsInconsistentWidthLimits() {
        assertThatThrownBy(() -> new QuantileSanitizer(-0.01, 0.6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuantileSanitizer(0.6, 0.6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuantileSanitizer(0.02, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
