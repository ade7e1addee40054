package io.tsfm.streams.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalTest {
    @Test
    void matchesTheTabulatedDistributionFunction() {
        assertThat(Normal.cdf(0.0)).isCloseTo(0.5, within(1e-7));
        assertThat(Normal.cdf(1.959963985)).isCloseTo(0.975, within(1e-7));
        assertThat(Normal.cdf(-1.0)).isCloseTo(0.158655254, within(1e-7));
        assertThat(Normal.cdf(1.644853627)).isCloseTo(0.95, within(1e-7));
        assertThat(Normal.cdf(-6.0)).isCloseTo(9.8659e-10, within(1e-9));
    }

    @Test
    void isNanForNan() {
        assertThat(Normal.cdf(Double.NaN)).isNaN();
    }
}
