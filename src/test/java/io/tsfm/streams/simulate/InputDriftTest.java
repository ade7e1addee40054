package io.tsfm.streams.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InputDriftTest {

    private static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void anInstantIsReadAsItsOffsetFromTheStart() {
        assertThat(InputDrift.parseOffset("2026-11-22T10:00:00Z", START)).isEqualTo(Duration.ofHours(26));
        assertThat(InputDrift.parseOffset("2026-11-21T10:30:00+01:00", START)).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void shortAndIsoDurationsAreOffsets() {
        assertThat(InputDrift.parseOffset("20h", START)).isEqualTo(Duration.ofHours(20));
        assertThat(InputDrift.parseOffset("90m", START)).isEqualTo(Duration.ofMinutes(90));
        assertThat(InputDrift.parseOffset("1.5d", START)).isEqualTo(Duration.ofHours(36));
        assertThat(InputDrift.parseOffset(" 30s ", START)).isEqualTo(Duration.ofSeconds(30));
        assertThat(InputDrift.parseOffset("PT20H", START)).isEqualTo(Duration.ofHours(20));
    }

    @Test
    void anythingElseIsRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> InputDrift.parseOffset("tomorrow", START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'tomorrow' is not an instant (2026-11-22T10:00:00Z) or an offset (PT20H, 20h, 90m)");
    }

    @Test
    void theDefaultsShiftTheLevelByOneAndAHalfLogitsAndQuadrupleTheVolatility() {
        assertThat(InputDrift.after(Duration.ofHours(1))).isEqualTo(new InputDrift(Duration.ofHours(1), 1.5, 4.0));
    }

    @Test
    void impossibleDriftsAreRefused() {
        assertThatThrownBy(() -> new InputDrift(Duration.ofHours(-1), 1.0, 1.0)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new InputDrift(Duration.ZERO, Double.NaN, 1.0)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new InputDrift(Duration.ZERO, 1.0, 0.0)).hasMessageContaining("> 0");
    }
}
