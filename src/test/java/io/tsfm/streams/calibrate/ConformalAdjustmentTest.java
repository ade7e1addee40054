package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConformalAdjustmentTest {

    @Test
    void fitsTheShiftAndScaleOfAHandWorkedExample() {
        // band 0.3/0.4/0.5 (half width 0.1) everywhere
        final double[] q10 = {0.3, 0.3, 0.3, 0.3, 0.3};
        final double[] q50 = {0.4, 0.4, 0.4, 0.4, 0.4};
        final double[] q90 = {0.5, 0.5, 0.5, 0.5, 0.5};
        final double[] actual = {0.40, 0.45, 0.38, 0.60, 0.41};
        // residuals 0, 0.05, -0.02, 0.2, 0.01 -> median 0.01
        // scores |r - 0.01| / 0.1 = 0.1, 0.4, 0.3, 1.9, 0.0 -> sorted 0, 0.1, 0.3, 0.4, 1.9
        // level = ceil(6 * 0.6) / 5 = 0.8 -> index 0.8 * 4 = 3.2 -> 0.4 + 0.2 * (1.9 - 0.4) = 0.7

        final ConformalAdjustment fit = ConformalAdjustment.fit(q10, q50, q90, actual, 0.6);

        assertThat(fit.centerShift()).isCloseTo(0.01, within(1e-12));
        assertThat(fit.widthScale()).isCloseTo(0.7, within(1e-12));
        assertThat(fit.samples()).isEqualTo(5);
    }

    @Test
    void floorsTheHalfWidthOfADegenerateBand() {
        // residuals 0, 0.2 -> shift 0.1; scores 0.1 / 1e-6 = 1e5 and 0.1 / 0.1 = 1; level min(1, 3/2) = 1
        final ConformalAdjustment fit = ConformalAdjustment.fit(
                new double[] {0.5, 0.4}, new double[] {0.5, 0.5}, new double[] {0.5, 0.6},
                new double[] {0.5, 0.7}, 0.8);

        assertThat(fit.centerShift()).isCloseTo(0.1, within(1e-12));
        assertThat(fit.widthScale()).isCloseTo(1e5, within(1e-4));
    }

    @Test
    void usesTheFiniteSampleLevelCappedAtOne() {
        assertThat(ConformalAdjustment.level(4, 0.8)).isEqualTo(1.0);
        assertThat(ConformalAdjustment.level(9, 0.8)).isEqualTo(8.0 / 9.0);
        assertThat(ConformalAdjustment.level(5, 0.6)).isEqualTo(0.8);
        assertThat(ConformalAdjustment.level(100, 0.8)).isEqualTo(0.81);
    }

    @Test
    void interpolatesQuantilesLikeNumpysDefault() {
        assertThat(ConformalAdjustment.quantile(new double[] {3.0, 1.0}, 0.75)).isEqualTo(2.5);
        assertThat(ConformalAdjustment.quantile(new double[] {0.0, 1.0, 2.0, 3.0}, 0.5)).isEqualTo(1.5);
        assertThat(ConformalAdjustment.quantile(new double[] {7.0}, 0.9)).isEqualTo(7.0);
        assertThat(ConformalAdjustment.quantile(new double[] {0.0, 1.0, 2.0}, 1.0)).isEqualTo(2.0);
    }

    @Test
    void shiftsTheCentreAndScalesTheHalfWidth() {
        final ConformalAdjustment adjustment = new ConformalAdjustment(0.01, 0.7, 5);

        // c' = 0.41, h' = 0.1 * 0.7 = 0.07
        assertThat(adjustment.apply(0.3, 0.4, 0.5)).containsExactly(new double[] {0.34, 0.41, 0.48}, within(1e-12));
    }

    @Test
    void clipsTheAdjustedBandToTheUnitInterval() {
        final ConformalAdjustment adjustment = new ConformalAdjustment(0.05, 2.0, 10);

        // c' = 0.95, h' = 0.1 * 2 = 0.2 -> 0.75 .. 1.15 clipped to 1
        assertThat(adjustment.apply(0.8, 0.9, 1.0)).containsExactly(new double[] {0.75, 0.95, 1.0}, within(1e-12));
    }

    @Test
    void theIdentityLeavesASymmetricBandUnchanged() {
        assertThat(ConformalAdjustment.identity().apply(0.2, 0.3, 0.4))
                .containsExactly(new double[] {0.2, 0.3, 0.4}, within(1e-12));
    }

    @Test
    void recentresAnAsymmetricBandSymmetricallyOnTheMedianLikeTheSeed() {
        // half width (0.45 - 0.2) / 2 = 0.125 around 0.3
        assertThat(ConformalAdjustment.identity().apply(0.2, 0.3, 0.45))
                .containsExactly(new double[] {0.175, 0.3, 0.425}, within(1e-12));
    }

    @Test
    void rejectsBadInput() {
        final double[] one = {0.5};
        assertThatThrownBy(() -> ConformalAdjustment.fit(new double[0], new double[0], new double[0],
                new double[0], 0.8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConformalAdjustment.fit(one, one, new double[] {0.5, 0.6}, one, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConformalAdjustment.fit(one, one, one, new double[] {Double.NaN}, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConformalAdjustment.fit(one, one, one, one, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConformalAdjustment(0.0, -1.0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
