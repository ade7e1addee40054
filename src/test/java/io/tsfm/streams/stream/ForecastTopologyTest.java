package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastTopologyTest {
    private static final Instant T0 = TopologyHarness.T0;

    @TempDir
    Path stateDir;

    @Test
    void givesEveryActiveMarketExactlyOneForecastPerBoundary() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of(), TopologyHarness.defaultModel())) {
            h.minuteTicks(List.of("m-a", "m-b"), T0, T0.plus(Duration.ofHours(4)), 0.4);
            h.drain();
            final List<ForecastRecord> out = h.forecasts.readValuesToList();
            // boundaries T0+5m .. T0+3h55m crossed by the ticks (the last tick at 3h59m makes 3h55m due)
            final Map<String, Long> perMarket =
                    out.stream().collect(Collectors.groupingBy(ForecastRecord::marketId, Collectors.counting()));
            assertThat(perMarket).containsEntry("m-a", 47L).containsEntry("m-b", 47L);
            assertThat(out.stream()
                            .map(f -> f.marketId() + "@" + f.asOfTs())
                            .distinct()
                            .count())
                    .isEqualTo(94);
        }
    }

    @Test
    void pendingJobsCountWhatIsOpenAndDropToZeroWhenTheTaskCloses() {
        final TopologyHarness h = new TopologyHarness(
                stateDir,
                Map.of("min.points.for.tsfm", "2"),
                TopologyHarness.defaultModel().holding());
        try (h) {
            h.minuteTicks(List.of("m-a", "m-b"), T0, T0.plus(Duration.ofMinutes(11)), 0.4);
            // as_of T0+10m: two markets with 2 points each, their calls held by the model
            assertThat(h.metrics.pendingJobs()).isEqualTo(2);
        }
        // the task closed with both jobs open (as after a fence): they leave the gauge, which never goes below zero
        assertThat(h.metrics.pendingJobs()).isZero();
    }

    @Test
    void servesTheBaselineWithTooFewPointsUntilThirtyTwoStepsExist() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of(), TopologyHarness.defaultModel())) {
            h.minuteTicks(List.of("m-a"), T0, T0.plus(Duration.ofMinutes(171)), 0.4);
            h.drain();
            final List<ForecastRecord> out = h.forecasts.readValuesToList();
            // as_of T0+5m has 1 step ... as_of T0+160m has 32 steps
            final ForecastRecord firstModel = out.stream()
                    .filter(f -> !f.meta().fallbackUsed())
                    .findFirst()
                    .orElseThrow();
            assertThat(firstModel.asOfTs()).isEqualTo("2026-11-20T02:40:00Z");
            assertThat(firstModel.meta().inputLen()).isEqualTo(32);
            assertThat(firstModel.meta().runtime()).isEqualTo("tollama");
            final ForecastRecord lastBaseline = out.get(out.indexOf(firstModel) - 1);
            assertThat(lastBaseline.meta().fallbackReason()).isEqualTo("too_few_points");
            assertThat(lastBaseline.meta().inputLen()).isEqualTo(31);
            assertThat(lastBaseline.meta().warnings()).startsWith("fallback_reason=too_few_points");
            final List<FallbackEvent> events = h.fallbacks.readValuesToList();
            assertThat(events).hasSize(31).allMatch(e -> e.reason().equals("too_few_points"));
        }
    }

    @Test
    void sendsTheContextInLogitSpaceWithTheRealGridTimestamps() {
        try (TopologyHarness h =
                new TopologyHarness(stateDir, Map.of("min.points.for.tsfm", "2"), TopologyHarness.defaultModel())) {
            h.tick("m-a", T0.plusSeconds(10), 0.5);
            h.tick("m-a", T0.plusSeconds(310), 0.8);
            h.tick("m-a", T0.plusSeconds(610), 0.9);
            assertThat(h.model.calls()).hasSize(1);
            final var series = h.model.calls().get(0).get(0);
            assertThat(series.id()).isEqualTo("m-a|" + T0.plusSeconds(600).toEpochMilli());
            assertThat(series.timestamps()).containsExactly("2026-11-20T00:05:00Z", "2026-11-20T00:10:00Z");
            assertThat(series.target()[0]).isEqualTo(0.0);
            assertThat(series.target()[1]).isCloseTo(Math.log(0.8 / 0.2), org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void backTransformsAndPublishesTheModelAnswerWithRecordTimestampAsOf() {
        try (TopologyHarness h =
                new TopologyHarness(stateDir, Map.of("min.points.for.tsfm", "2"), TopologyHarness.defaultModel())) {
            h.tick("m-a", T0.plusSeconds(10), 0.5);
            h.tick("m-a", T0.plusSeconds(310), 0.7);
            h.tick("m-a", T0.plusSeconds(610), 0.9);
            h.drain();
            assertThat(h.forecasts.readValue().meta().fallbackReason()).isEqualTo("too_few_points"); // as_of 00:05
            final var record = h.forecasts.readRecord();
            assertThat(record.key()).isEqualTo("m-a");
            assertThat(record.timestamp()).isEqualTo(T0.plusSeconds(600).toEpochMilli());
            final ForecastRecord f = record.value();
            assertThat(f.asOfTs()).isEqualTo("2026-11-20T00:10:00Z");
            assertThat(f.horizonSteps()).isEqualTo(12);
            assertThat(f.yhatQ()).containsOnlyKeys("0.1", "0.5", "0.9");
            // the stub answers a flat band at the last value: back to 0.7, served as it is (no width bounds by
            // default, and no calibration has learnt yet)
            assertThat(f.yhatQ().get("0.5")[11]).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.yhatQ().get("0.1")[0]).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.yhatQ().get("0.9")[0]).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.meta().warnings()).isEmpty();
            assertThat(f.meta().calibration().status()).isEqualTo("insufficient_samples");
            assertThat(f.meta().fallbackUsed()).isFalse();
            assertThat(f.meta().modelName()).isEqualTo("stub");
            assertThat(f.meta().latencyMs()).isEqualTo(7L);
            assertThat(h.fallbacks.readValuesToList())
                    .extracting(FallbackEvent::reason)
                    .containsExactly("too_few_points");
        }
    }
}
