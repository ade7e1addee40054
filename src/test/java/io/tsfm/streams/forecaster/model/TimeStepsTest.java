package io.tsfm.streams.forecaster.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pandas frequency aliases and timestamp arithmetic. */
class TimeStepsTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "5min, PT5M",
        "5T, PT5M",
        "min, PT1M",
        "1h, PT1H",
        "H, PT1H",
        "15s, PT15S",
        "D, PT24H",
        "2W, PT336H",
        "100ms, PT0.1S"
    })
    void fixedPandasAliasesParse(final String alias, final String expected) {
        assertThat(TimeSteps.parseFreq(alias)).hasValue(Duration.parse(expected));
    }

    @ParameterizedTest(name = "\"{0}\" is not understood")
    @ValueSource(strings = {"5m", "M", "MS", "Y", "B", "auto", "", "0min", "W-SUN", "five minutes"})
    void calendarAndUnknownAliasesDoNotParse(final String alias) {
        assertThat(TimeSteps.parseFreq(alias)).isEmpty();
    }

    @Test
    void anOffsetTimestampAdvancesKeepingItsOffset() {
        assertThat(TimeSteps.advance("2026-02-20T11:55:00Z", Duration.ofMinutes(5)))
                .hasValue("2026-02-20T12:00:00Z");
        assertThat(TimeSteps.advance("2026-02-20T11:55:00+01:00", Duration.ofHours(1)))
                .hasValue("2026-02-20T12:55:00+01:00");
    }

    @Test
    void aLocalTimestampWithASpaceAdvances() {
        assertThat(TimeSteps.advance("2026-02-20 23:55:00", Duration.ofMinutes(5)))
                .hasValue("2026-02-21T00:00:00");
    }

    @Test
    void aDateAdvancesByWholeDays() {
        assertThat(TimeSteps.advance("2026-02-28", Duration.ofDays(1))).hasValue("2026-03-01");
    }

    @Test
    void aTimestampThatIsNotIsoDoesNotAdvance() {
        assertThat(TimeSteps.advance("yesterday", Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void autoInfersTheStepFromRegularTimestamps() {
        final List<String> ts = List.of("2026-02-20T11:00:00Z", "2026-02-20T11:05:00Z", "2026-02-20T11:10:00Z");

        assertThat(TimeSteps.step("auto", ts)).hasValue(Duration.ofMinutes(5));
    }

    @Test
    void autoInfersNothingFromIrregularTimestamps() {
        final List<String> ts = List.of("2026-02-20T11:00:00Z", "2026-02-20T11:05:00Z", "2026-02-20T11:07:00Z");

        assertThat(TimeSteps.step("auto", ts)).isEmpty();
    }
}
