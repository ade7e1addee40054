package io.tsfm.streams.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsfm.streams.rollout.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output is the seed's: json.dumps(result, indent=2, sort_keys=True) plus a newline. */
class GateResultJsonTest {

    @Test
    void aFailedGateIsPrintedExactlyAsTheSeedPrintsIt() {
        final GateResult result = new GateResult(
                Stage.CANARY_5,
                6,
                5,
                false,
                true,
                List.of("p95>400ms_for_2x5m"),
                List.of("gate:p95>300ms", "gate:fallback_rate>8pct_for_canary_5"));

        assertThat(GateResultJson.render(result)).isEqualTo("""
                {
                  "gate_fail_reasons": [
                    "gate:p95>300ms",
                    "gate:fallback_rate>8pct_for_canary_5"
                  ],
                  "gate_passed": false,
                  "rollback_reasons": [
                    "p95>400ms_for_2x5m"
                  ],
                  "rollback_triggered": true,
                  "stage": "canary_5",
                  "window_minutes": 5,
                  "windows": 6
                }
                """);
    }

    @Test
    void emptyReasonListsArePrintedAsEmptyBrackets() {
        final GateResult result = new GateResult(Stage.FULL_100, 288, 5, true, false, List.of(), List.of());

        assertThat(GateResultJson.render(result)).isEqualTo("""
                {
                  "gate_fail_reasons": [],
                  "gate_passed": true,
                  "rollback_reasons": [],
                  "rollback_triggered": false,
                  "stage": "full_100",
                  "window_minutes": 5,
                  "windows": 288
                }
                """);
    }

    @Test
    void theOutputIsJsonWithExactlyTheSevenFieldsOfTheSeed() throws Exception {
        final GateResult result = CanaryGate.evaluate(
                List.of(new Window(450, 0.0, 0.0, 0.0, 0.0), new Window(450, 0.0, 0.0, 0.0, 0.0)), 5, Stage.CANARY_25);

        final JsonNode json = new ObjectMapper().readTree(GateResultJson.render(result));

        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "gate_fail_reasons",
                        "gate_passed",
                        "rollback_reasons",
                        "rollback_triggered",
                        "stage",
                        "window_minutes",
                        "windows");
        assertThat(json.get("stage").asText()).isEqualTo("canary_25");
        assertThat(json.get("windows").isInt()).isTrue();
        assertThat(json.get("window_minutes").isInt()).isTrue();
        assertThat(json.get("gate_passed").isBoolean()).isTrue();
        assertThat(json.get("rollback_triggered").asBoolean()).isTrue();
        assertThat(json.get("rollback_reasons").get(0).asText()).isEqualTo("p95>400ms_for_2x5m");
        assertThat(json.get("gate_fail_reasons").get(0).asText()).isEqualTo("gate:p95>300ms");
    }
}
