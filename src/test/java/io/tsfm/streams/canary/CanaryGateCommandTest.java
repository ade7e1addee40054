package io.tsfm.streams.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.cli.CanaryGateCommand;
import io.tsfm.streams.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tsfm-streams canary-gate}: JSON on stdout, 0 pass, 2 fail, 1 unusable input, 3 Prometheus down. */
class CanaryGateCommandTest {

    private static final String PASS = """
            {"window_minutes": 5, "metrics": {
              "p95_latency_ms": [240, 260, 255, 250, 245, 252],
              "error_rate": [0.002, 0.001, 0.003, 0.002, 0.001, 0.002],
              "fallback_rate": [0.04, 0.05, 0.06, 0.05, 0.04, 0.05],
              "breaker_open_rate": [0.01, 0.02, 0.01, 0.00, 0.01, 0.00],
              "invalid_output_rate": [0, 0, 0, 0, 0, 0]}}
            """;

    private static final String ROLLBACK = """
            {"window_minutes": 5, "metrics": {
              "p95_latency_ms": [430, 440, 390, 380],
              "error_rate": [0.005, 0.012, 0.004, 0.003],
              "fallback_rate": [0.22, 0.24, 0.21, 0.23],
              "breaker_open_rate": [0.36, 0.34, 0.33, 0.20],
              "invalid_output_rate": [0, 0, 0.02, 0]}}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine cli = new CommandLine(new CanaryGateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String write(final String name, final String content) throws Exception {
        final Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file.toString();
    }

    @Test
    void cleanMetricsPassWithExitZeroAndTheSeedsJson() throws Exception {
        final int exitCode = run("--input", write("pass.json", PASS), "--stage", "canary_5");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).isEqualTo("""
                {
                  "gate_fail_reasons": [],
                  "gate_passed": true,
                  "rollback_reasons": [],
                  "rollback_triggered": false,
                  "stage": "canary_5",
                  "window_minutes": 5,
                  "windows": 6
                }
                """);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aRollbackFailsWithExitTwoAndEveryReason() throws Exception {
        final int exitCode = run("--input", write("rollback.json", ROLLBACK), "--stage", "canary_25");

        assertThat(exitCode).isEqualTo(2);
        assertThat(out.toString()).isEqualTo("""
                {
                  "gate_fail_reasons": [
                    "gate:p95>300ms",
                    "gate:error_rate>1pct",
                    "gate:invalid_output_rate_nonzero",
                    "gate:fallback_rate>10pct_for_canary_25"
                  ],
                  "gate_passed": false,
                  "rollback_reasons": [
                    "p95>400ms_for_2x5m",
                    "invalid_output_rate>0",
                    "fallback_rate>20pct_for_15m",
                    "breaker_open_rate>30pct_for_15m"
                  ],
                  "rollback_triggered": true,
                  "stage": "canary_25",
                  "window_minutes": 5,
                  "windows": 4
                }
                """);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aGateThresholdWithoutRollbackAlsoExitsTwo() throws Exception {
        final String ninepercentFallback =
                PASS.replace("[0.04, 0.05, 0.06, 0.05, 0.04, 0.05]", "[0.04, 0.05, 0.09, 0.05, 0.04, 0.05]");
        final String input = write("fallback9.json", ninepercentFallback);

        assertThat(run("--input", input, "--stage", "canary_5")).isEqualTo(2);
        assertThat(out.toString())
                .contains("\"gate:fallback_rate>8pct_for_canary_5\"")
                .contains("\"rollback_triggered\": false");
        assertThat(run("--input", input, "--stage", "full_100")).isZero();
    }

    @Test
    void theCleanDurationIsCheckedOnlyWhenAskedFor() throws Exception {
        final String input = write("pass.json", PASS);

        assertThat(run("--input", input, "--stage", "canary_25")).isZero();
        assertThat(run("--input", input, "--stage", "canary_25", "--require-clean-duration"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("\"gate:observed_30m<required_60m_for_canary_25\"");
        assertThat(run("--input", input, "--stage", "canary_5", "--require-clean-duration"))
                .isZero();
    }

    @Test
    void malformedInputFilesExitOneWithAMessageAndNoOutput() throws Exception {
        final String[][] cases = {
            {dir.resolve("absent.json").toString(), "cannot read " + dir.resolve("absent.json") + ": no such file"},
            {write("bad.json", "{\"metrics\": [1,"), "not valid JSON"},
            {
                write("missing.json", PASS.replace("\"error_rate\"", "\"error_ratio\"")),
                "missing metrics keys: [error_rate]"
            },
            {
                write("text.json", PASS.replace("[240,", "[\"fast\",")),
                "metrics.p95_latency_ms[0] must be a number, got \"fast\""
            },
            {
                write("negative.json", PASS.replace("[0.01, 0.02,", "[-0.01, 0.02,")),
                "metrics.breaker_open_rate[0] must be >= 0, got -0.01"
            },
            {write("short.json", PASS.replace("[0, 0, 0, 0, 0, 0]", "[0, 0, 0]")), "metrics length mismatch"},
            {
                write("window.json", PASS.replace("\"window_minutes\": 5", "\"window_minutes\": 0")),
                "window_minutes must be a whole number > 0, got 0"
            },
        };
        for (final String[] c : cases) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);

            assertThat(run("--input", c[0], "--stage", "canary_5")).as(c[1]).isEqualTo(1);
            assertThat(err.toString()).startsWith("canary-gate: ").contains(c[1]);
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void anUnknownStageExitsOne() throws Exception {
        assertThat(run("--input", write("pass.json", PASS), "--stage", "canary_50"))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains("unknown stage 'canary_50' (expected one of: canary_5, canary_25, full_100)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingOrConflictingArgumentsExitOne() throws Exception {
        final String input = write("pass.json", PASS);

        assertThat(run("--input", input)).isEqualTo(1);
        assertThat(err.toString()).contains("Missing required option: '--stage=STAGE'");
        assertThat(run("--stage", "canary_5")).isEqualTo(1);
        assertThat(run("--stage", "canary_5", "--input", input, "--prometheus", "http://127.0.0.1:9"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("mutually exclusive");
        assertThat(run("--stage", "canary_5", "--input", input, "--since", "30m"))
                .isEqualTo(1);
        assertThat(run("--stage", "canary_5", "--input", input, "--verbose")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void registeredUnderTheMainCommandUsageErrorsStillExitOne() throws Exception {
        final CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        final String input = write("pass.json", PASS);

        assertThat(cli.execute("canary-gate", "--input", input, "--stage", "canary_50"))
                .isEqualTo(1);
        assertThat(cli.execute("canary-gate", "--input", input)).isEqualTo(1);
        assertThat(cli.execute("canary-gate", "--input", input, "--stage", "canary_5"))
                .isZero();
        assertThat(cli.execute("canary-gate", "--input", write("r.json", ROLLBACK), "--stage", "canary_5"))
                .isEqualTo(2);
    }

    @Test
    void windowsFromPrometheusAreEvaluatedTheSameWay() throws Exception {
        try (FakePrometheus prometheus =
                FakePrometheus.start(request -> request.query().startsWith("histogram")
                        ? FakePrometheus.constant(request, "180")
                        : request.query().startsWith("sum(rate(tsfm_invalid_output_total")
                                ? FakePrometheus.noSeries()
                                : FakePrometheus.constant(request, "0.005"))) {
            final int exitCode = run(
                    "--prometheus",
                    prometheus.url(),
                    "--since",
                    "2h",
                    "--stage",
                    "canary_25",
                    "--rollout-stage",
                    "canary_25");

            assertThat(exitCode).isZero();
            assertThat(out.toString()).contains("\"windows\": 24", "\"window_minutes\": 5", "\"gate_passed\": true");
            assertThat(prometheus.requests()).hasSize(5).allSatisfy(request -> {
                assertThat(request.step()).isEqualTo(300);
                assertThat(request.end() - request.start()).isEqualTo(23 * 300);
                assertThat(request.query()).contains("rollout_stage=\"canary_25\"");
            });
        }
    }

    @Test
    void withoutSinceThePrometheusRangeIsTheStagesCleanDuration() throws Exception {
        try (FakePrometheus prometheus = FakePrometheus.start(request -> FakePrometheus.constant(request, "0.25"))) {
            final int exitCode =
                    run("--prometheus", prometheus.url(), "--stage", "canary_5", "--require-clean-duration");

            assertThat(exitCode).isEqualTo(2);
            assertThat(out.toString())
                    .contains("\"windows\": 6", "\"fallback_rate>20pct_for_15m\"")
                    .doesNotContain("gate:observed");
            assertThat(prometheus.requests().get(0).end()
                            - prometheus.requests().get(0).start())
                    .isEqualTo(1500);
        }
    }

    @Test
    void longerPrometheusWindowsChangeTheStepAndTheRateRange() throws Exception {
        try (FakePrometheus prometheus = FakePrometheus.start(request -> FakePrometheus.constant(request, "0"))) {
            assertThat(run(
                            "--prometheus",
                            prometheus.url(),
                            "--since",
                            "1h",
                            "--window-minutes",
                            "15",
                            "--stage",
                            "canary_25"))
                    .isZero();

            assertThat(out.toString()).contains("\"windows\": 4", "\"window_minutes\": 15");
            assertThat(prometheus.requests()).allSatisfy(request -> {
                assertThat(request.step()).isEqualTo(900);
                assertThat(request.query()).contains("[15m]").doesNotContain("[5m]");
            });
        }
    }

    @Test
    void badPrometheusArgumentsExitOne() {
        assertThat(run("--prometheus", "http://127.0.0.1:9", "--since", "32m", "--stage", "canary_5"))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains("canary-gate: --since must be a whole number of 5-minute windows, got 32 min");
        assertThat(run("--prometheus", "http://127.0.0.1:9", "--since", "soon", "--stage", "canary_5"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("'soon' is not a duration like 30m, 2h or 1d");
        assertThat(run("--prometheus", "127.0.0.1:9090", "--stage", "canary_5")).isEqualTo(1);
        assertThat(run("--prometheus", "http://127.0.0.1:9", "--window-minutes", "0", "--stage", "canary_5"))
                .isEqualTo(1);
        assertThat(run("--prometheus", "http://127.0.0.1:9", "--rollout-stage", " ", "--stage", "canary_5"))
                .isEqualTo(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnreachablePrometheusExitsThree() throws Exception {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(run("--prometheus", "http://127.0.0.1:" + closedPort, "--stage", "canary_5", "--timeout", "2"))
                .isEqualTo(3);
        assertThat(err.toString()).startsWith("canary-gate: cannot reach Prometheus at http://127.0.0.1:" + closedPort);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aPrometheusQueryErrorExitsOne() throws Exception {
        try (FakePrometheus prometheus = FakePrometheus.start(request -> new FakePrometheus.Response(
                422, "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"many-to-many matching\"}"))) {
            assertThat(run("--prometheus", prometheus.url(), "--stage", "canary_5"))
                    .isEqualTo(1);
            assertThat(err.toString()).contains("HTTP 422", "execution: many-to-many matching");
        }
    }
}
