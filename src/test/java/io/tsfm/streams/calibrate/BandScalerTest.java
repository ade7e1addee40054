package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BandScalerTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    @Test
    void measuresErrorsAsShareOfTheHalfBandOnTheirSide() {
        final BandScaler scaler = new BandScaler(Transform.none(), LEVELS);
        final double[] band = {0.40, 0.50, 0.70};
        assertThat(scaler.error(band, 0.60)).isCloseTo(0.5, within(1e-12));
        assertThat(scaler.error(band, 0.70)).isCloseTo(1.0, within(1e-12));
        assertThat(scaler.error(band, 0.30)).isCloseTo(2.0, within(1e-12));
        assertThat(scaler.error(band, 0.50)).isZero();
    }

    @Test
    void scalesEveryQuantileAroundTheCentre() {
        final BandScaler scaler = new BandScaler(Transform.none(), LEVELS);
        assertThat(scaler.scale(new double[] {0.40, 0.50, 0.70}, 1.5))
                .containsExactly(new double[] {0.35, 0.50, 0.80}, within(1e-12));
    }

    @Test
    void scalesInLogitSpaceSoTheBandStaysInsideZeroAndOne() {
        final BandScaler scaler = new BandScaler(Transform.logit(), LEVELS);
        final double[] wide = scaler.scale(new double[] {0.80, 0.90, 0.97}, 10.0);
        assertThat(wide[0]).isGreaterThan(0.0);
        assertThat(wide[2]).isLessThan(1.0);
        assertThat(wide[1]).isCloseTo(0.90, within(1e-12));
        // a value on the scaled band's edge has an error equal to the scale
        final double[] doubled = scaler.scale(new double[] {0.80, 0.90, 0.97}, 2.0);
        assertThat(scaler.error(new double[] {0.80, 0.90, 0.97}, doubled[2])).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void usesTheMiddleOfTheOuterBandWithoutAMedianLevel() {
        final BandScaler scaler = new BandScaler(Transform.none(), new double[] {0.05, 0.95});
        assertThat(scaler.error(new double[] {0.2, 0.6}, 0.5)).isCloseTo(0.5, within(1e-12));
    }
}
