package io.tsfm.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.app.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Argument checks only: they fail before any broker, forecaster or app is started. No timings. */
class BenchCommandTest {

    @Test
    void unknownScenarioIsAConfigError() {
        assertThat(new CommandLine(new BenchCommand()).execute("warp")).isEqualTo(ExitCodes.CONFIG);
    }

    @Test
    void invalidNumbersAreConfigErrors() {
        assertThat(new CommandLine(new BenchCommand()).execute("ingest", "--runs", "0"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("cycle", "--warmup-runs", "-1"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("cycle", "--markets", "2"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("cycle", "--tick-minutes", "61"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("ingest", "--stream-threads", "1,0"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("ingest", "--guarantees", "exactly_once"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("replay", "--markets", "1000,2000"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("replay", "--replay-hours", "0"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("scale", "--markets", "1000,2000"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("scale", "--instances", "1,0"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("scale", "--instances", "13"))
                .isEqualTo(ExitCodes.CONFIG);
    }

    @Test
    void anUnknownOrInvalidSettingIsAConfigError() {
        assertThat(new CommandLine(new BenchCommand()).execute("ingest", "--set", "no.such.key=1"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("ingest", "--set", "max.task.idle.ms=soon"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(new CommandLine(new BenchCommand()).execute("ingest", "--set", "horizon.steps=0"))
                .isEqualTo(ExitCodes.CONFIG);
    }
}
