package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.Transform;
import org.junit.jupiter.api.Test;

class BandScalerTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private final BandScaler raw = new BandScaler(Transform.none(), LEVELS);

    @Test
    void measuresEachSidesErrorAsShareOfItsOwnHalfBand() {
        final double[] band = {0.40, 0.50, 0.70};
        assertThat(raw.upperError(band, 0.60, 0.0)).isCloseTo(0.5, within(1e-5));
        assertThat(raw.upperError(band, 0.70, 0.0)).isCloseTo(1.0, within(1e-5));
        assertThat(raw.lowerError(band, 0.30, 0.0)).isCloseTo(2.0, within(1e-4));
        assertThat(raw.lowerError(band, 0.60, 0.0)).isZero();
        assertThat(raw.upperError(band, 0.30, 0.0)).isZero();
        assertThat(raw.lowerError(band, 0.50, 0.0)).isZero();
    }

    @Test
    void scalesEachSideByItsOwnScale() {
        assertThat(raw.scale(new double[] {0.40, 0.50, 0.70}, 1.5, 0.5, 0.0))
                .containsExactly(new double[] {0.35, 0.50, 0.60}, within(1e-12));
    }

    @Test
    void widensAZeroWidthBandByWholeTicks() {
        final double[] flat = {0.45, 0.45, 0.45};
        assertThat(raw.flat(flat)).isTrue();
        assertThat(raw.scale(flat, 1.0, 2.0, 0.01)).containsExactly(new double[] {0.44, 0.45, 0.47}, within(1e-12));
        // a move of one tick sits on the floored band's edge, two ticks at twice its width
        assertThat(raw.upperError(flat, 0.46, 0.01)).isCloseTo(1.0, within(1e-3));
        assertThat(raw.lowerError(flat, 0.43, 0.01)).isCloseTo(2.0, within(1e-3));
    }

    @Test
    void floorsANarrowSideAtOneTickAndLeavesAWideOneAlone() {
        final double[] band = {0.448, 0.45, 0.50};
        assertThat(raw.scale(band, 1.0, 1.0, 0.01)).containsExactly(new double[] {0.44, 0.45, 0.50}, within(1e-12));
    }

    @Test
    void measuresErrorsInTicksWhateverTheModelsBandInTickUnits() {
        final BandScaler ticks = new BandScaler(Transform.none(), LEVELS, true);
        final double[] band = {0.40, 0.45, 0.70};
        // three ticks up is an error of 3, whether the model's band above is 25 ticks wide or none
        assertThat(ticks.upperError(band, 0.48, 0.01)).isCloseTo(3.0, within(1e-3));
        assertThat(ticks.upperError(new double[] {0.45, 0.45, 0.45}, 0.48, 0.01))
                .isCloseTo(3.0, within(1e-3));
        assertThat(ticks.lowerError(band, 0.44, 0.01)).isCloseTo(1.0, within(1e-3));
        // a scale is a number of ticks from the median on each side
        assertThat(ticks.scale(band, 2.0, 0.5, 0.01)).containsExactly(new double[] {0.43, 0.45, 0.455}, within(1e-12));
    }

    @Test
    void fallsBackToTheModelsBandForPricesOnNoTickGrid() {
        final BandScaler ticks = new BandScaler(Transform.none(), LEVELS, true);
        assertThat(ticks.inTicks(0.0)).isFalse();
        assertThat(ticks.scale(new double[] {0.40, 0.50, 0.70}, 1.5, 0.5, 0.0))
                .containsExactly(new double[] {0.35, 0.50, 0.60}, within(1e-12));
    }

    @Test
    void countsAValueOnTheEdgeAfterAFloatRoundTripAsOnTheEdge() {
        final BandScaler logit = new BandScaler(Transform.logit(), LEVELS);
        final double[] band = {0.43, 0.44, 0.4499999992156812};
        assertThat(logit.upperError(band, 0.45, 0.01)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void scalesInLogitSpaceSoTheBandStaysInsideZeroAndOne() {
        final BandScaler logit = new BandScaler(Transform.logit(), LEVELS);
        final double[] band = {0.80, 0.90, 0.97};
        final double[] wide = logit.scale(band, 10.0, 10.0, 0.0);
        assertThat(wide[0]).isGreaterThan(0.0);
        assertThat(wide[2]).isLessThan(1.0);
        assertThat(wide[1]).isEqualTo(0.90);
        // a value on the scaled band's edge has an error equal to the scale
        final double[] doubled = logit.scale(band, 2.0, 2.0, 0.0);
        assertThat(logit.upperError(band, doubled[2], 0.0)).isCloseTo(2.0, within(1e-3));
    }

    @Test
    void usesTheMiddleOfTheOuterBandWithoutAMedianLevel() {
        final BandScaler noMedian = new BandScaler(Transform.none(), new double[] {0.05, 0.95});
        assertThat(noMedian.upperError(new double[] {0.2, 0.6}, 0.5, 0.0)).isCloseTo(0.5, within(1e-5));
    }
}
