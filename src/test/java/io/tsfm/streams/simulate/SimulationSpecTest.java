package io.tsfm.streams.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulationSpecTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void endingNowEndsAtTheCurrentSecondAndCoversTheSpan() {
        final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:03.987Z"), ZoneOffset.UTC);

        final SimulationSpec spec = SimulationSpec.endingNow(42, 50, Duration.ofHours(26), clock);

        assertThat(spec.end()).isEqualTo(Instant.parse("2026-11-22T10:00:03Z"));
        assertThat(spec.start()).isEqualTo(Instant.parse("2026-11-21T08:00:03Z"));
        assertThat(spec.seed()).isEqualTo(42);
        assertThat(spec.markets()).isEqualTo(50);
        assertThat(spec.malformedRate()).isEqualTo(0.0);
    }

    @Test
    void theMalformedRateCanBeSetAfterwards() {
        final SimulationSpec spec = new SimulationSpec(1, 2, T0, T0.plusSeconds(60)).withMalformedRate(0.25);

        assertThat(spec.malformedRate()).isEqualTo(0.25);
        assertThat(spec.span()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void impossibleSpecsAreRejected() {
        assertThatThrownBy(() -> new SimulationSpec(1, 0, T0, T0.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("markets");
        assertThatThrownBy(() -> new SimulationSpec(1, 5, T0, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start must be before end");
        assertThatThrownBy(() -> new SimulationSpec(1, 5, T0, T0.plusSeconds(60), 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed rate");
        assertThatThrownBy(() -> new SimulationSpec(1, 5, T0, T0.plusSeconds(60), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed rate");
    }

    @Test
    void aDriftMustStartInsideTheSpanAndSurvivesOtherChanges() {
        final SimulationSpec spec = new SimulationSpec(1, 2, T0, T0.plus(Duration.ofHours(2)))
                .withDrift(InputDrift.after(Duration.ofMinutes(30)))
                .withMalformedRate(0.1);

        assertThat(spec.drift()).isEqualTo(InputDrift.after(Duration.ofMinutes(30)));
        assertThat(spec.driftAt()).contains(Instant.parse("2026-11-22T10:30:00Z"));
        assertThat(spec.withDrift(null).driftAt()).isEmpty();
        assertThatThrownBy(() -> spec.withDrift(InputDrift.after(Duration.ofHours(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("drift must start inside the span");
    }

    @Test
    void aSpecWithoutDriftHasNone() {
        assertThat(new SimulationSpec(1, 2, T0, T0.plusSeconds(60)).drift()).isNull();
        assertThat(new SimulationSpec(1, 2, T0, T0.plusSeconds(60), 0.5).driftAt())
                .isEmpty();
    }
}
