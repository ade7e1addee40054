package io.tsfm.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.cli.EvaluateCommand;
import io.tsfm.streams.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tsfm-streams evaluate}: Markdown by default, JSON on request, exit code 2 for bad options. */
class EvaluateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        return new CommandLine(new EvaluateCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void printsAMarkdownRowPerForecasterAndTheVerdict() {
        final int code = run("--seeds", "1", "--markets", "3", "--hours", "6", "--every", "6");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Seeds 1, 3 markets, 6 h each, 1 boundary in 6")
                .contains("| flat last value (mock) |", "| local-ets-damped |", "| ewma_baseline |")
                .contains("flat last value on mean pinball loss");
    }

    @Test
    void printsJsonWithTheOptionsAndEachForecastersScores() throws Exception {
        final int code = run("--seeds", "1,2", "--markets", "3", "--hours", "6", "--every", "6", "--json");

        assertThat(code).isZero();
        final JsonNode root = Json.mapper().readTree(out.toString());
        assertThat(root.at("/options/seeds").toString()).isEqualTo("[1,2]");
        assertThat(root.at("/candidates/1/name").asText()).isEqualTo("local-ets-damped");
        assertThat(root.at("/candidates/1/overall/pinball_by_level")).hasSize(3);
        assertThat(root.at("/ets_beats_flat").isBoolean()).isTrue();
    }

    @Test
    void withCalibrationPrintsTheCalibrationTablesAndTheRecommendation() {
        final int code = run("--calibration", "--seeds", "1", "--markets", "2", "--days", "0.5",
                "--warm-up-days", "0.25", "--every", "2");

        assertThat(code).isZero();
        assertThat(out.toString())
                .startsWith("Seeds 1, 2 markets, 0.5 days each (first 0.25 day(s) warm-up: learnt from, not reported),"
                        + " a forecast at 1 boundary in 2:")
                .contains("#### local-ets-damped, reported period", "#### ewma_baseline, holdout")
                .contains("| quantile_tracking lr=0.005 |", "| rolling_quantile window=1000 +served-err |",
                        "| offline_conformal (seed) |")
                .contains("Best with the stream's base-band error: **");
    }

    @Test
    void withCalibrationPrintsJsonOnRequest() throws Exception {
        final int code = run("--calibration", "--seeds", "1", "--markets", "2", "--days", "0.5",
                "--warm-up-days", "0.25", "--every", "2", "--json");

        assertThat(code).isZero();
        final JsonNode root = Json.mapper().readTree(out.toString());
        assertThat(root.at("/options/days").asDouble()).isEqualTo(0.5);
        assertThat(root.at("/forecasters/0/name").asText()).isEqualTo("local-ets-damped");
        // uncalibrated, 7 methods with the base-band error, 7 with the served-band error, the minimum-width reference
        assertThat(root.at("/forecasters/0/scored").size()).isEqualTo(16);
        assertThat(root.at("/forecasters/0/scored/15/method").asText()).isEqualTo("reference: minimum width (scale 0)");
        assertThat(root.at("/recommendation/ranking").size()).isEqualTo(14);
    }

    @Test
    void hoursDoNotApplyToTheCalibrationEvaluation() {
        final int code = run("--calibration", "--hours", "6");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--hours does not apply with --calibration: use --days");
    }

    @Test
    void daysOnlyApplyToTheCalibrationEvaluation() {
        final int code = run("--days", "2");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--days, --warm-up-days and --threads only apply with --calibration");
    }

    @Test
    void aZeroStrideIsABadArgument() {
        final int code = run("--every", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("every must be at least 1: 0");
    }
}
