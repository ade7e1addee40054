package io.tsfm.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The running sums behind the results table, checked on two small hand-computed forecasts. */
class ScoreSheetTest {

    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    /**
     * Forecast A, two steps: bands [0.4, 0.5, 0.6] and [0.3, 0.5, 0.7], realised 0.55 and 0.80.
     * Step 1 losses: 0.1*0.15 = 0.015, 0.5*0.05 = 0.025, 0.1*0.05 = 0.005 (covered, width 0.2).
     * Step 2 losses: 0.1*0.50 = 0.050, 0.5*0.30 = 0.150, 0.9*0.10 = 0.090 (missed, width 0.4).
     * Forecast B, two steps: flat 0.5 everywhere, realised 0.50 and 0.40.
     * Step 1 losses: 0, 0, 0 (covered, width 0). Step 2 losses: 0.9*0.1 = 0.09, 0.05, 0.01 (missed).
     */
    private static ScoreSheet twoForecasts() {
        final ScoreSheet sheet = new ScoreSheet(LEVELS);
        sheet.add(new double[][] {{0.4, 0.3}, {0.5, 0.5}, {0.6, 0.7}}, new double[] {0.55, 0.80});
        sheet.add(new double[][] {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}}, new double[] {0.50, 0.40});
        return sheet;
    }

    @Test
    void overallScoresAverageEveryStepOfEveryForecast() {
        final Scores s = twoForecasts().overall();

        assertThat(s.pairs()).isEqualTo(4);
        assertThat(s.pinballByLevel()[0]).isCloseTo((0.015 + 0.050 + 0.0 + 0.09) / 4, within(1e-12));
        assertThat(s.pinballByLevel()[1]).isCloseTo((0.025 + 0.150 + 0.0 + 0.05) / 4, within(1e-12));
        assertThat(s.pinballByLevel()[2]).isCloseTo((0.005 + 0.090 + 0.0 + 0.01) / 4, within(1e-12));
        assertThat(s.pinball()).isCloseTo((0.155 + 0.225 + 0.105) / 4 / 3, within(1e-12));
        assertThat(s.coverage()).isEqualTo(0.5);
        assertThat(s.width()).isCloseTo((0.2 + 0.4 + 0.0 + 0.0) / 4, within(1e-12));
    }

    @Test
    void lastStepScoresOnlyTheFinalHorizonStep() {
        final Scores s = twoForecasts().lastStep();

        assertThat(s.pairs()).isEqualTo(2);
        assertThat(s.pinballByLevel()[0]).isCloseTo((0.050 + 0.09) / 2, within(1e-12));
        assertThat(s.pinballByLevel()[1]).isCloseTo((0.150 + 0.05) / 2, within(1e-12));
        assertThat(s.pinballByLevel()[2]).isCloseTo((0.090 + 0.01) / 2, within(1e-12));
        assertThat(s.coverage()).isZero();
        assertThat(s.width()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void anEmptySheetReportsZeroPairsAndZeroLoss() {
        final Scores s = new ScoreSheet(LEVELS).overall();

        assertThat(s.pairs()).isZero();
        assertThat(s.pinball()).isZero();
    }

    @Test
    void pathsThatDoNotMatchTheLevelsOrTheRealisedValuesAreRejected() {
        final ScoreSheet sheet = new ScoreSheet(LEVELS);

        assertThatThrownBy(() -> sheet.add(new double[][] {{0.5}, {0.5}}, new double[] {0.5}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sheet.add(new double[][] {{0.5}, {0.5}, {0.5}}, new double[] {0.5, 0.5}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoreSheet(new double[] {0.5})).isInstanceOf(IllegalArgumentException.class);
    }
}
