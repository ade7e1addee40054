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
    void aZeroStrideIsABadArgument() {
        final int code = run("--every", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("every must be at least 1: 0");
    }
}
