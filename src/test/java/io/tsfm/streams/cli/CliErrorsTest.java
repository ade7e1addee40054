package io.tsfm.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.app.cli.BuildVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command fails with one line and an exit code, prints the build's version, and needs a command. */
class CliErrorsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine line = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        return line.execute(args);
    }

    @Test
    void withoutACommandItPrintsTheUsageAndExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("Missing command: one of [run, demo, forecaster,")
                .contains("Usage: tsfm-streams");
    }

    @Test
    void everyCommandPrintsTheBuildsVersion() {
        assertThat(run("-V")).isZero();
        assertThat(out.toString()).isEqualTo("tsfm-streams " + BuildVersion.version() + System.lineSeparator());
        assertThat(BuildVersion.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        out.getBuffer().setLength(0);
        assertThat(run("demo", "--version")).isZero();
        assertThat(out.toString()).startsWith("tsfm-streams " + BuildVersion.version());
    }

    @Test
    void aBadSettingIsOneLineNamingTheKeyAndExitTwo() {
        assertThat(run("demo", "--set", "nonsense.key=1")).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("Configuration error: Unknown setting nonsense.key")
                .doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
        err.getBuffer().setLength(0);
        assertThat(run("demo", "--set", "ops.port=99999")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Configuration error: Invalid value 99999 for configuration ops.port");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void aPortThatIsTakenIsOneLineNamingItAndExitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run("forecaster", "--port", Integer.toString(taken.getLocalPort())))
                    .isEqualTo(2);
            assertThat(err.toString())
                    .startsWith("forecaster: cannot bind the local forecaster to ")
                    .contains(":" + taken.getLocalPort()
                            + ": Address already in use; choose another port (--port 0 picks a free one)");
            assertThat(err.toString().lines()).hasSize(1);
        }
    }

    @Test
    void aBrokerPortThatIsTakenIsOneLineNamingItAndExitTwo(@TempDir final Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run("broker", "--data-dir", dir.toString(), "--port", Integer.toString(taken.getLocalPort())))
                    .isEqualTo(2);
            assertThat(err.toString())
                    .startsWith("broker: cannot bind the broker to 127.0.0.1:" + taken.getLocalPort()
                            + ": Address already in use; choose another port");
            assertThat(err.toString().lines()).hasSize(1);
            assertThat(dir).isEmptyDirectory();
        }
    }
}
