package io.tsfm.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The report command's bad input: one line on stderr and an exit code, never a stack trace. */
class ReportCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int run(final String... args) {
        final CommandLine line = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        return line.execute(args);
    }

    private void assertOneLine(final String start) {
        assertThat(err.toString()).startsWith(start).doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
        err.getBuffer().setLength(0);
    }

    @Test
    void refusesBadArgumentsWithOneLineAndExitTwo() {
        assertThat(run("report", "--from", "yesterday")).isEqualTo(2);
        assertOneLine("Invalid arguments: Text 'yesterday' could not be parsed");
        assertThat(run("report", "--from", "2026-11-20T00:00:00Z", "--to", "2026-11-19T00:00:00Z"))
                .isEqualTo(2);
        assertOneLine("Invalid arguments: --to 2026-11-19T00:00:00Z is not after --from 2026-11-20T00:00:00Z");
        assertThat(run("report", "--from", "2026-11-20T00:00:00Z", "--period", "monthly"))
                .isEqualTo(2);
        assertOneLine("Invalid arguments: --period is daily or weekly, not monthly");
        assertThat(run("report", "--from", "2026-11-20T00:00:00Z", "--format", "md,pdf"))
                .isEqualTo(2);
        assertOneLine("Invalid arguments: --format takes md, json, html, not md,pdf");
        assertThat(run("report", "--from", "2026-11-20T00:00:00Z", "--prometheus", "localhost"))
                .isEqualTo(2);
        assertOneLine("Invalid arguments: --prometheus needs a URL such as http://localhost:9090");
    }

    @Test
    void refusesABadSettingWithOneLineAndExitTwo() {
        assertThat(run("report", "--from", "2026-11-20T00:00:00Z", "--set", "nonsense.key=1"))
                .isEqualTo(2);
        assertOneLine("Configuration error: Unknown setting nonsense.key");
    }

    @Test
    void saysKafkaIsUnreachableWithOneLineAndExitThree() throws Exception {
        final int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(run(
                        "report",
                        "--from",
                        "2026-11-20T00:00:00Z",
                        "--timeout-seconds",
                        "2",
                        "--out",
                        tmp.toString(),
                        "--set",
                        "bootstrap.servers=127.0.0.1:" + port))
                .isEqualTo(3);
        assertOneLine("Kafka unreachable: cannot read the topics from 127.0.0.1:" + port);
    }
}
