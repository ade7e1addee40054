package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.metrics.MetricNames;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed counters count what each commit of a task wrote (a fence's redo is FencedInstanceIT's). */
class CommittedCountersTopologyTest {
    private static final Instant T0 = TopologyHarness.T0;

    @TempDir
    Path stateDir;

    @Test
    void countsTheTicksDeadLettersAndForecastsEachCommitWrote() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of(), TopologyHarness.defaultModel())) {
            h.tick("m-a", T0.plusSeconds(60), 0.4);
            h.tick("m-b", T0.plusSeconds(60), 0.4);
            h.raw("m-c", "not json", T0.plusSeconds(90));
            h.tick("m-a", T0.plusSeconds(300), 0.5); // T0+5m due: m-a and m-b get the baseline (too few points)
            assertThat(h.forecasts.readValuesToList()).hasSize(2);
            assertThat(h.metrics.total(MetricNames.TICKS_COMMITTED)).isEqualTo(3.0);
            assertThat(h.metrics.count(MetricNames.DLQ_COMMITTED, "reason", "malformed_json"))
                    .isEqualTo(1.0);
            assertThat(h.metrics.count(MetricNames.FORECASTS_COMMITTED, "runtime", "baseline"))
                    .isEqualTo(2.0);
            assertThat(h.metrics.total(MetricNames.FORECASTS_COMMITTED)).isEqualTo(2.0);
        }
    }
}
