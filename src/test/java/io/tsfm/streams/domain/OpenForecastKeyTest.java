package io.tsfm.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpenForecastKeyTest {

    @Test
    void padsAsOfToFifteenDigitsSoKeysSortByTime() {
        assertThat(OpenForecast.key(1_795_000_200_000L, "pm:1")).isEqualTo("001795000200000|pm:1");
        assertThat(OpenForecast.key(5L, "m")).isEqualTo("000000000000005|m");
        assertThat(OpenForecast.lastKeyAtOrBefore(1_795_000_200_000L)).isEqualTo("001795000200000|\uffff");
        assertThat(OpenForecast.key(1_795_000_200_000L, "z")).isLessThan(OpenForecast.key(1_795_000_500_000L, "a"));
    }

    @Test
    void writesWhatPercentZeroFifteenDWritesForAnyAsOf() {
        for (final long asOf : new long[] {0L, 1L, -1L, -300_000L, 999_999_999_999_999L, 1_000_000_000_000_000L}) {
            assertThat(OpenForecast.key(asOf, "m")).isEqualTo(String.format(Locale.ROOT, "%015d|%s", asOf, "m"));
        }
    }
}
