package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Presets, validation and the snake_case JSON form of a fault profile. */
class FaultProfileTest {

    @Test
    void presetNoneIsTheEmptyProfile() {
        assertThat(FaultProfile.preset("none")).isEqualTo(FaultProfile.NONE);
    }

    @Test
    void presetSlowAddsTwoSecondsOfLatency() {
        assertThat(FaultProfile.preset("slow").latencyMs()).isEqualTo(2000);
    }

    @Test
    void presetFlakyFailsThirtyPercentWith503() {
        final FaultProfile flaky = FaultProfile.preset("flaky");

        assertThat(flaky.errorRate()).isEqualTo(0.3);
        assertThat(flaky.errorStatus()).isEqualTo(503);
    }

    @Test
    void presetDownFailsEveryRequestWith503() {
        final FaultProfile down = FaultProfile.preset("down");

        assertThat(down.errorRate()).isEqualTo(1.0);
        assertThat(down.errorStatus()).isEqualTo(503);
    }

    @Test
    void presetHangNeverAnswers() {
        assertThat(FaultProfile.preset("hang").hangRate()).isEqualTo(1.0);
    }

    @Test
    void presetGarbageBreaksHalfTheAnswersWithNan() {
        final FaultProfile garbage = FaultProfile.preset("garbage");

        assertThat(garbage.garbageRate()).isEqualTo(0.5);
        assertThat(garbage.garbageKind()).isEqualTo(GarbageKind.NAN);
    }

    @Test
    void presetOutageCyclesThreeMinutesDownAndThreeMinutesUp() {
        final FaultProfile outage = FaultProfile.preset("outage");

        assertThat(outage.cycleDownMs()).isEqualTo(180_000);
        assertThat(outage.cycleUpMs()).isEqualTo(180_000);
        assertThat(outage.errorStatus()).isEqualTo(503);
    }

    @Test
    void presetNamesIgnoreCaseAndSurroundingSpace() {
        assertThat(FaultProfile.preset(" SLOW ")).isEqualTo(FaultProfile.preset("slow"));
    }

    @Test
    void anUnknownPresetListsTheValidNames() {
        assertThatThrownBy(() -> FaultProfile.preset("sluggish"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sluggish")
                .hasMessageContaining("none, slow, flaky, down, hang, garbage, outage");
    }

    @Test
    void theJsonFormIsSnakeCase() {
        final JsonNode json = Json.MAPPER.valueToTree(FaultProfile.builder()
                .latencyPerSeriesMs(5)
                .failFirstN(2)
                .garbageKind(GarbageKind.WRONG_HORIZON)
                .build());

        assertThat(json.path("latency_per_series_ms").asLong()).isEqualTo(5);
        assertThat(json.path("fail_first_n").asInt()).isEqualTo(2);
        assertThat(json.path("garbage_kind").asText()).isEqualTo("wrong_horizon");
        assertThat(json.path("error_status").asInt()).isEqualTo(503);
        assertThat(json.has("cycle_down_ms")).isTrue();
    }

    @Test
    void absentJsonFieldsTakeTheirDefaults() throws Exception {
        final FaultProfile parsed = Json.MAPPER.readValue("{\"error_rate\":0.25}", FaultProfile.class);

        assertThat(parsed).isEqualTo(FaultProfile.builder().errorRate(0.25).build());
    }

    @Test
    void theJsonFormRoundTrips() throws Exception {
        final FaultProfile profile = FaultProfile.builder()
                .latencyMs(10)
                .latencyJitterMs(3)
                .errorRate(0.1)
                .errorStatus(429)
                .hangRate(0.01)
                .garbageRate(0.2)
                .garbageKind(GarbageKind.BROKEN_JSON)
                .failFirstN(4)
                .cycleDownMs(1000)
                .cycleUpMs(2000)
                .build();

        final FaultProfile back = Json.MAPPER.readValue(Json.bytes(profile), FaultProfile.class);

        assertThat(back).isEqualTo(profile);
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThatThrownBy(() -> FaultProfile.builder().errorRate(1.5).build()).hasMessageContaining("error_rate");
        assertThatThrownBy(() -> FaultProfile.builder().hangRate(-0.1).build()).hasMessageContaining("hang_rate");
        assertThatThrownBy(() -> FaultProfile.builder().latencyMs(-1).build()).hasMessageContaining("latency_ms");
        assertThatThrownBy(() -> FaultProfile.builder().errorStatus(200).build())
                .hasMessageContaining("error_status");
        assertThatThrownBy(() -> FaultProfile.builder().failFirstN(-2).build()).hasMessageContaining("fail_first_n");
    }

    @Test
    void toBuilderCopiesEveryField() {
        final FaultProfile profile =
                FaultProfile.preset("outage").toBuilder().latencyMs(7).build();

        assertThat(profile.cycleDownMs()).isEqualTo(180_000);
        assertThat(profile.latencyMs()).isEqualTo(7);
    }
}
