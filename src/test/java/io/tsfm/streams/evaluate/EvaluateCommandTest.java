package io.tsfm.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.cli.EvaluateCommand;
import io.tsfm.streams.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;
import picocli.CommandLine;

/** {@code tsfm-streams evaluate}: a user's tick history or simulated markets, Markdown or JSON, exit 2 on bad input. */
class EvaluateCommandTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        return new CommandLine(new EvaluateCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    /** Two markets on a 0.01 grid, a tick every 5 minutes at :30 seconds for 6 hours, moving now and then. */
    private static String lines() {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 72; i++) {
            final Instant ts = T0.plus(Duration.ofMinutes(5L * i)).plusSeconds(30);
            sb.append("{\"market_id\":\"a\",\"ts\":\"")
                    .append(ts)
                    .append("\",\"p_yes\":")
                    .append(String.format(
                            java.util.Locale.ROOT,
                            "%.2f",
                            0.40 + (i % 7 == 0 ? 0.01 : 0.0) + Math.floorDiv(i, 9) * 0.01))
                    .append("}\n");
            sb.append("{\"market_id\":\"b\",\"ts\":\"")
                    .append(ts)
                    .append("\",\"p_yes\":")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 0.70 - (i % 5 == 0 ? 0.02 : 0.0)))
                    .append("}\n");
        }
        return sb.toString();
    }

    private Path write(final String name, final String text) throws IOException {
        final Path file = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream o = name.endsWith(".gz")
                        ? new GZIPOutputStream(raw)
                        : name.endsWith(".xz") ? new XZOutputStream(raw, new LZMA2Options()) : raw) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void evaluatesATickFileAndPrintsTheServedForecastBesideTheReferences() throws IOException {
        final int code = run("--ticks", write("ticks.jsonl", lines()).toString(), "--report-every", "1");

        assertThat(code).isZero();
        // boundaries 00:05 .. 05:55 (the last tick is at 05:55:30, the grace 10 s), two markets each
        assertThat(out.toString())
                .startsWith("## ticks.jsonl: 2 markets, model local-empirical")
                .contains("142 forecasts at boundaries 2026-01-05T00:05:00Z .. 2026-01-05T05:55:00Z")
                .contains(
                        "### Active points",
                        "### All points",
                        "| served |",
                        "| served, uncalibrated |",
                        "| last value |",
                        "| seed EWMA (width 0.02..0.60) |",
                        "points the model served",
                        "### Served forecast per horizon step (active points)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void readsGzipAndXzFilesAsThePlainOne() throws IOException {
        run("--ticks", write("ticks.jsonl", lines()).toString());
        final String plain = out.toString().substring(out.toString().indexOf('\n'));
        for (final String name : new String[] {"ticks.jsonl.gz", "ticks.jsonl.xz"}) {
            out.getBuffer().setLength(0);
            assertThat(run("--ticks", write(name, lines()).toString())).isZero();
            assertThat(out.toString()).startsWith("## " + name).endsWith(plain);
        }
    }

    @Test
    void leavesOutALineTheStreamWouldSendToTheDlqAndSaysSo() throws IOException {
        final int code = run(
                "--ticks",
                write("bad.jsonl", "{\"market_id\":\"a\",\"p_yes\":0.5}\n" + lines())
                        .toString());

        assertThat(code).isZero();
        assertThat(err.toString())
                .startsWith("Left out 1 of 145 lines, as the stream would "
                        + "(DLQ reasons {missing_field=1}), e.g. line 1: missing_field: ts is missing");
    }

    @Test
    void printsEveryFigureAsJsonOnRequest() throws IOException {
        assertThat(run("--ticks", write("ticks.jsonl", lines()).toString(), "--json"))
                .isZero();

        final JsonNode root = Json.mapper().readTree(out.toString());
        assertThat(root.path("forecasts").asLong()).isEqualTo(142);
        assertThat(root.at("/slices/all/all/served/steps")).hasSize(12);
        assertThat(root.at("/slices/all/all/last value/points").asLong())
                .isEqualTo(root.at("/slices/all/all/served/points").asLong())
                .isPositive();
    }

    @Test
    void servesEveryMarketFromTheBaselineWhenTheModelIsDown() throws IOException {
        assertThat(run("--ticks", write("ticks.jsonl", lines()).toString(), "--model-down"))
                .isZero();

        assertThat(out.toString())
                .contains("model down (the baseline serves every market)")
                .contains("| baseline: circuit_breaker_open |")
                .doesNotContain("points the model served");
    }

    @Test
    void evaluatesSimulatedMarketsWithoutAFile() {
        assertThat(run("--seeds", "1", "--markets", "2", "--days", "0.25")).isZero();

        assertThat(out.toString())
                .startsWith("## simulated markets (seeds [1], 0.25 days): 2 markets")
                .contains("| served |");
    }

    @Test
    void aMissingFileIsABadArgument() {
        assertThat(run("--ticks", dir.resolve("nope.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("No such file: " + dir.resolve("nope.jsonl") + System.lineSeparator());
    }

    @Test
    void anUnknownSettingOrModelIsABadArgument() throws IOException {
        final String file = write("ticks.jsonl", lines()).toString();
        assertThat(run("--ticks", file, "--set", "calibration.nonsense=1")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Configuration error: Unknown setting calibration.nonsense");
        err.getBuffer().setLength(0);
        assertThat(run("--ticks", file, "--model", "chronos2")).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("Unknown model 'chronos2'; one of [mock, local-empirical, local-ets-damped]");
    }
}
