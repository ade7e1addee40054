package io.tsfm.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expected keys are Python's {@code format(q, "g")}, which tollama uses for its map keys. */
class QuantileKeysTest {

    @Test
    void writesTheUsualLevelsInPlainNotation() {
        assertThat(QuantileKeys.key(0.1)).isEqualTo("0.1");
        assertThat(QuantileKeys.key(0.5)).isEqualTo("0.5");
        assertThat(QuantileKeys.key(0.9)).isEqualTo("0.9");
        assertThat(QuantileKeys.key(0.99)).isEqualTo("0.99");
        assertThat(QuantileKeys.key(0.05)).isEqualTo("0.05");
        assertThat(QuantileKeys.key(0.025)).isEqualTo("0.025");
    }

    @Test
    void writesTheSameKeyWhenALevelIsAskedAgain() {
        for (final double level : new double[] {0.1, 0.5, 0.9, 1e-05, 0.123456789}) {
            assertThat(QuantileKeys.key(level)).isEqualTo(QuantileKeys.key(level));
        }
        assertThat(QuantileKeys.key(0.123456789)).isEqualTo("0.123457");
    }

    @Test
    void keepsPlainNotationDownToAnExponentOfMinusFour() {
        assertThat(QuantileKeys.key(0.0001)).isEqualTo("0.0001");
        assertThat(QuantileKeys.key(0.00015)).isEqualTo("0.00015");
    }

    @Test
    void switchesToScientificNotationBelowAnExponentOfMinusFour() {
        assertThat(QuantileKeys.key(1e-05)).isEqualTo("1e-05");
        assertThat(QuantileKeys.key(1.5e-05)).isEqualTo("1.5e-05");
        assertThat(QuantileKeys.key(1.234567e-05)).isEqualTo("1.23457e-05");
        assertThat(QuantileKeys.key(1e-10)).isEqualTo("1e-10");
    }

    @Test
    void roundsToSixSignificantDigits() {
        assertThat(QuantileKeys.key(0.123456789)).isEqualTo("0.123457");
        assertThat(QuantileKeys.key(0.9999999)).isEqualTo("1");
    }

    @Test
    void roundsAnExactTieToEvenAsPythonDoes() {
        // 0.001953125 is 2^-9, exactly representable: the seventh digit is a true tie
        assertThat(QuantileKeys.key(0.001953125)).isEqualTo("0.00195312");
    }

    @Test
    void refusesLevelsOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> QuantileKeys.key(0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantile level must be in (0,1): 0.0");
        assertThatThrownBy(() -> QuantileKeys.key(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuantileKeys.key(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
