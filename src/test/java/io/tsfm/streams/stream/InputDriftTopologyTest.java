package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.tsfm.streams.metrics.MetricNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDriftTopologyTest {
    private static final Instant T0 = TopologyHarness.T0;
    private static final Map<String, String> SHORT =
            Map.of("drift.reference.hours", "2", "drift.window.hours", "2", "drift.min.observations", "20");

    @TempDir
    Path stateDir;

    private static double psi(final TopologyHarness h, final String feature) {
        final Gauge g = h.metrics
                .registry()
                .find(MetricNames.INPUT_PSI)
                .tags("segment", "high", "feature", feature)
                .gauge();
        return g == null ? Double.NaN : g.value();
    }

    @Test
    void reportsNoPsiUntilTheReferenceIsCompleteThenALevelShiftRaisesIt() {
        try (TopologyHarness h = new TopologyHarness(stateDir, SHORT, TopologyHarness.defaultModel())) {
            h.minuteTicks(List.of("m-a", "m-b"), T0, T0.plus(Duration.ofHours(1)), 0.2);
            assertThat(psi(h, "logit_level")).isNaN();
            h.minuteTicks(List.of("m-a", "m-b"), T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)), 0.2);
            // the markets jump from 0.2 to 0.8 and stay there for the whole window
            h.minuteTicks(List.of("m-a", "m-b"), T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(5)), 0.8);
            assertThat(psi(h, "logit_level")).isGreaterThan(0.3);
        }
    }

    @Test
    void keepsPsiLowWhenTheInputDoesNotChange() {
        try (TopologyHarness h = new TopologyHarness(stateDir, SHORT, TopologyHarness.defaultModel())) {
            h.minuteTicks(List.of("m-a", "m-b"), T0, T0.plus(Duration.ofHours(5)), 0.2);
            assertThat(psi(h, "logit_level")).isLessThan(0.01);
            assertThat(psi(h, "logit_change_5m")).isLessThan(0.01);
        }
    }
}
