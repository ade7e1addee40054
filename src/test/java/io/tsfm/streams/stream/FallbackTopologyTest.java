package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.domain.ModelAvailability;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.SeriesOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FallbackTopologyTest {
    private static final Instant T0 = TopologyHarness.T0;
    private static final Map<String, String> TWO_POINTS = Map.of("min.points.for.tsfm", "2");

    @TempDir
    Path stateDir;

    /** Three steps of ticks, so the cycle at T0+15m has a 3-step context. */
    private static void threeSteps(final TopologyHarness h, final String market, final String bucket) {
        h.tick(market, T0.plusSeconds(10), 0.5, bucket);
        h.tick(market, T0.plusSeconds(310), 0.6, bucket);
        h.tick(market, T0.plusSeconds(610), 0.7, bucket);
    }

    private static void crossBoundary(final TopologyHarness h, final Instant at) {
        h.tick("clock", at, 0.5);
    }

    @Test
    void servesLowLiquidityMarketsWithTheBaselineOnly() {
        try (TopologyHarness h = new TopologyHarness(stateDir, TWO_POINTS, TopologyHarness.defaultModel())) {
            threeSteps(h, "m-low", "low");
            crossBoundary(h, T0.plusSeconds(900));
            final ForecastRecord f = last(h.forecasts.readValuesToList(), "m-low");
            assertThat(f.meta().fallbackReason()).isEqualTo("baseline_only_liquidity_bucket");
            assertThat(f.meta().routeSelected()).isEqualTo("baseline");
            assertThat(f.meta().runtime()).isEqualTo("baseline");
            assertThat(f.meta().modelName()).isEqualTo("empirical_baseline");
            assertThat(f.meta().method()).isEqualTo("empirical_moves");
        }
    }

    @Test
    void checksTooFewPointsBeforeTheLiquidityBucket() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of(), TopologyHarness.defaultModel())) {
            threeSteps(h, "m-low", "low");
            crossBoundary(h, T0.plusSeconds(900));
            assertThat(last(h.forecasts.readValuesToList(), "m-low").meta().fallbackReason())
                    .isEqualTo("too_few_points");
        }
    }

    @Test
    void servesTheBaselineWhenTheLastTickIsOlderThanTheMaxGap() {
        try (TopologyHarness h = new TopologyHarness(stateDir, TWO_POINTS, TopologyHarness.defaultModel())) {
            threeSteps(h, "m-a", null);
            crossBoundary(h, T0.plus(Duration.ofMinutes(80)));
            h.drain();
            final Map<String, ForecastRecord> byAsOf = new HashMap<>();
            h.forecasts.readValuesToList().stream()
                    .filter(f -> f.marketId().equals("m-a"))
                    .forEach(f -> byAsOf.put(f.asOfTs(), f));
            // as_of 00:15 .. 01:10 have the last tick (00:10:10) within 60 min; 01:15 is 64 min 50 s after it
            assertThat(byAsOf.get("2026-11-20T01:10:00Z").meta().fallbackUsed()).isFalse();
            assertThat(byAsOf.get("2026-11-20T01:15:00Z").meta().fallbackReason())
                    .isEqualTo("max_gap_exceeded");
            assertThat(byAsOf.get("2026-11-20T01:20:00Z").meta().fallbackReason())
                    .isEqualTo("max_gap_exceeded");
            final List<FallbackEvent> events = h.fallbacks.readValuesToList().stream()
                    .filter(e -> e.marketId().equals("m-a") && e.reason().equals("max_gap_exceeded"))
                    .toList();
            assertThat(events)
                    .extracting(FallbackEvent::asOfTs)
                    .containsExactly("2026-11-20T01:15:00Z", "2026-11-20T01:20:00Z");
            assertThat(events.get(0).detail()).isEqualTo("64.8 min since the last tick > 60 min");
        }
    }

    @Test
    void servesTheBaselineWhenTheContextHasAGapOverTheMaxGap() {
        try (TopologyHarness h = new TopologyHarness(stateDir, TWO_POINTS, TopologyHarness.defaultModel())) {
            h.tick("m-a", T0.plusSeconds(10), 0.5);
            h.tick("m-a", T0.plus(Duration.ofMinutes(70)).plusSeconds(10), 0.6);
            crossBoundary(h, T0.plus(Duration.ofMinutes(80)));
            final ForecastRecord f = last(h.forecasts.readValuesToList(), "m-a");
            assertThat(f.asOfTs()).isEqualTo("2026-11-20T01:20:00Z");
            assertThat(f.meta().fallbackReason()).isEqualTo("max_gap_exceeded");
            assertThat(f.meta().inputLen()).isEqualTo(16);
        }
    }

    @Test
    void servesTheBaselineWithoutCallingWhileTheBreakerIsOpen() {
        try (TopologyHarness h = new TopologyHarness(
                stateDir, TWO_POINTS, TopologyHarness.defaultModel().breakerOpen(true))) {
            threeSteps(h, "m-a", null);
            assertThat(h.model.calls()).isEmpty();
            final ForecastRecord f = last(h.forecasts.readValuesToList(), "m-a");
            assertThat(f.meta().fallbackReason()).isEqualTo("circuit_breaker_open");
            assertThat(f.meta().circuitBreakerState()).isEqualTo("open");
        }
    }

    @Test
    void servesTheBaselineWithoutCallingWhileTheModelsLicenceIsUnverified() {
        try (TopologyHarness h = new TopologyHarness(
                stateDir, TWO_POINTS, TopologyHarness.defaultModel().licence(ModelAvailability.LICENCE_UNVERIFIED))) {
            threeSteps(h, "m-a", null);
            assertThat(h.model.calls()).isEmpty();
            final ForecastRecord f = last(h.forecasts.readValuesToList(), "m-a");
            assertThat(f.meta().runtime()).isEqualTo("baseline");
            assertThat(f.meta().fallbackReason()).isEqualTo("model_licence_unverified");
            assertThat(h.fallbacks.readValuesToList())
                    .extracting(FallbackEvent::reason)
                    .endsWith("model_licence_unverified");
        }
    }

    @Test
    void namesTheModelFailureKindInTheReason() {
        try (TopologyHarness h = new TopologyHarness(
                stateDir, TWO_POINTS, TopologyHarness.defaultModel().failingWith("http_503"))) {
            threeSteps(h, "m-a", null);
            h.drain();
            final ForecastRecord f = last(h.forecasts.readValuesToList(), "m-a");
            assertThat(f.meta().fallbackReason()).isEqualTo("tollama_error:http_503");
            assertThat(f.meta().routeSelected()).isEqualTo("tsfm");
            assertThat(f.meta().attempts()).isEqualTo(2);
            final FallbackEvent e = h.fallbacks.readValuesToList().stream()
                    .filter(x -> x.reason().startsWith("tollama"))
                    .findFirst()
                    .orElseThrow();
            assertThat(e.detail()).isEqualTo("scripted failure");
            assertThat(e.asOfTs()).isEqualTo("2026-11-20T00:10:00Z");
        }
    }

    @Test
    void fallsBackForOneInvalidSeriesAndServesTheOthers() {
        final var model = TopologyHarness.defaultModel();
        model.answering(series -> {
            final BatchResult ok = model.flatLastValue(series);
            final Map<String, SeriesOutcome> outcomes = new HashMap<>(ok.outcomes());
            outcomes.replaceAll((id, o) -> id.startsWith("m-bad|") ? SeriesOutcome.invalid("horizon_mismatch") : o);
            return BatchResult.success(outcomes, 5, 1);
        });
        try (TopologyHarness h = new TopologyHarness(stateDir, TWO_POINTS, model)) {
            h.tick("m-bad", T0.plusSeconds(10), 0.5);
            h.tick("m-ok", T0.plusSeconds(20), 0.5);
            h.tick("m-bad", T0.plusSeconds(310), 0.5);
            h.tick("m-ok", T0.plusSeconds(320), 0.5);
            h.tick("m-ok", T0.plusSeconds(610), 0.5);
            h.drain();
            final List<ForecastRecord> out = h.forecasts.readValuesToList();
            assertThat(last(out, "m-bad").meta().fallbackReason())
                    .isEqualTo("tollama_error:invalid_payload:horizon_mismatch");
            assertThat(last(out, "m-ok").meta().runtime()).isEqualTo("tollama");
            assertThat(model.calls()).hasSize(1);
            assertThat(model.calls().get(0)).hasSize(2);
        }
    }

    @Test
    void fallsBackAtTheDeadlineAndDropsTheLateAnswer() {
        try (TopologyHarness h = new TopologyHarness(
                stateDir,
                Map.of("min.points.for.tsfm", "2", "job.deadline.ms", "1000"),
                TopologyHarness.defaultModel().holding())) {
            threeSteps(h, "m-a", null);
            h.drain();
            assertThat(h.forecasts.readValuesToList())
                    .extracting(f -> f.meta().fallbackReason())
                    .containsExactly("too_few_points");
            h.driver.advanceWallClockTime(Duration.ofSeconds(1));
            final ForecastRecord f = h.forecasts.readValue();
            assertThat(f.asOfTs()).isEqualTo("2026-11-20T00:10:00Z");
            assertThat(f.meta().fallbackReason()).isEqualTo("deadline_exceeded");
            h.model.releaseAll();
            h.drain();
            assertThat(h.forecasts.isEmpty()).isTrue();
        }
    }

    @Test
    void aPunctuationServesAtMostASlicesWorthOfDeadlineFallbacksAndTheNextOnesTheRest() {
        try (TopologyHarness h = new TopologyHarness(
                stateDir,
                Map.of("min.points.for.tsfm", "1", "job.deadline.ms", "1000", "cycle.slice.markets", "2"),
                TopologyHarness.defaultModel().holding())) {
            for (int i = 0; i < 5; i++) {
                h.tick("m-" + i, T0.plusSeconds(10), 0.5);
            }
            crossBoundary(h, T0.plusSeconds(300)); // five jobs, two a slice
            h.drain();
            h.drain();
            assertThat(h.model.calls()).flatExtracting(c -> c).hasSize(5);
            assertThat(h.forecasts.readValuesToList()).isEmpty();

            h.driver.advanceWallClockTime(Duration.ofSeconds(1)); // every job past its deadline at once

            assertThat(deadlineFallbacks(h)).isEqualTo(2);
            h.drain();
            assertThat(deadlineFallbacks(h)).isEqualTo(2);
            h.drain();
            assertThat(deadlineFallbacks(h)).isEqualTo(1);
            h.drain();
            assertThat(h.forecasts.isEmpty()).isTrue();
        }
    }

    private static long deadlineFallbacks(final TopologyHarness h) {
        return h.forecasts.readValuesToList().stream()
                .filter(f -> "deadline_exceeded".equals(f.meta().fallbackReason()))
                .count();
    }

    @Test
    void batchesManyMarketsIntoFewRequests() {
        try (TopologyHarness h = new TopologyHarness(
                stateDir,
                Map.of("min.points.for.tsfm", "1", "tollama.series.per.request", "4"),
                TopologyHarness.defaultModel())) {
            for (int i = 0; i < 10; i++) {
                h.tick("m-" + i, T0.plusSeconds(10), 0.5);
            }
            crossBoundary(h, T0.plusSeconds(300));
            assertThat(h.model.calls()).extracting(List::size).containsExactly(4, 4, 2);
        }
    }

    @Test
    void keepsJobsQueuedWhileNoRequestSlotIsFree() {
        try (TopologyHarness h = new TopologyHarness(
                stateDir,
                Map.of("min.points.for.tsfm", "1", "tollama.series.per.request", "1"),
                TopologyHarness.defaultModel().holding().withSlots(1))) {
            h.tick("m-1", T0.plusSeconds(10), 0.5);
            h.tick("m-2", T0.plusSeconds(10), 0.5);
            crossBoundary(h, T0.plusSeconds(300));
            assertThat(h.model.calls()).hasSize(1);
            h.model.releaseAll();
            h.drain();
            assertThat(h.model.calls()).hasSize(2);
            h.model.releaseAll();
            h.drain();
            assertThat(h.forecasts.readValuesToList())
                    .filteredOn(f -> !f.meta().fallbackUsed())
                    .extracting(ForecastRecord::marketId)
                    .containsExactlyInAnyOrder("m-1", "m-2");
        }
    }

    private static ForecastRecord last(final List<ForecastRecord> out, final String market) {
        return out.stream()
                .filter(f -> f.marketId().equals(market))
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
