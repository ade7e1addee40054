package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.metrics.MetricNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing by rollout stage on the real topology. m-0025 hashes to bucket 101 (inside the 5 % share),
 * m-0001 to bucket 5029 (outside canary_5 and canary_25).
 */
class RolloutTopologyTest {
    private static final Instant T0 = TopologyHarness.T0;
    private static final String IN_SHARE = "m-0025";
    private static final String OUTSIDE = "m-0001";

    @TempDir
    Path stateDir;

    private static StubModelClient stub(final String name) {
        return TopologyHarness.defaultModel().named(name);
    }

    private static Map<String, List<ForecastRecord>> byMarket(final List<ForecastRecord> records) {
        return records.stream().collect(Collectors.groupingBy(ForecastRecord::marketId));
    }

    @Test
    void servesTheCanaryShareWithTheCandidateAndTheRestWithTheCurrentModel() {
        final StubModelClient current = stub("chronos2");
        final StubModelClient candidate = stub("timesfm");
        final Map<String, String> settings =
                Map.of("min.points.for.tsfm", "2", "rollout.stage", "canary_5", "rollout.candidate.model", "timesfm");
        try (TopologyHarness h = new TopologyHarness(stateDir, settings, new ModelClients(current, candidate, null))) {
            h.minuteTicks(List.of(IN_SHARE, OUTSIDE), T0, T0.plus(Duration.ofMinutes(31)), 0.4);
            h.drain();
            final Map<String, List<ForecastRecord>> out = byMarket(h.forecasts.readValuesToList());
            final ForecastRecord canary =
                    out.get(IN_SHARE).get(out.get(IN_SHARE).size() - 1);
            assertThat(canary.meta().modelName()).isEqualTo("timesfm");
            assertThat(canary.meta().routeSelected()).isEqualTo("tsfm");
            assertThat(canary.meta().routeReason()).isEqualTo("canary_share");
            assertThat(canary.meta().rolloutStage()).isEqualTo("canary_5");
            final ForecastRecord rest = out.get(OUTSIDE).get(out.get(OUTSIDE).size() - 1);
            assertThat(rest.meta().modelName()).isEqualTo("chronos2");
            assertThat(rest.meta().routeReason()).isEqualTo("outside_canary_share");
            // each client saw only its own markets
            assertThat(candidate.calls().stream()
                            .flatMap(List::stream)
                            .map(s -> s.id().split("\\|", -1)[0])
                            .distinct())
                    .containsExactly(IN_SHARE);
            assertThat(current.calls().stream()
                            .flatMap(List::stream)
                            .map(s -> s.id().split("\\|", -1)[0])
                            .distinct())
                    .containsExactly(OUTSIDE);
            assertThat(h.metrics.count(
                            MetricNames.ROUTE_SELECTED, "route_selected", "tsfm", "route_reason", "canary_share"))
                    .isEqualTo((double) out.get(IN_SHARE).stream()
                            .filter(f -> "canary_share".equals(f.meta().routeReason()))
                            .count());
        }
    }

    @Test
    void servesTheMarketsOutsideTheShareWithTheBaselineOnTheFirstRolloutOverTheBaseline() {
        final Map<String, String> settings = Map.of(
                "min.points.for.tsfm",
                "2",
                "rollout.stage",
                "canary_5",
                "rollout.candidate.model",
                "timesfm",
                "rollout.incumbent",
                "baseline");
        try (TopologyHarness h =
                new TopologyHarness(stateDir, settings, new ModelClients(stub("chronos2"), stub("timesfm"), null))) {
            h.minuteTicks(List.of(IN_SHARE, OUTSIDE), T0, T0.plus(Duration.ofMinutes(31)), 0.4);
            h.drain();
            final Map<String, List<ForecastRecord>> out = byMarket(h.forecasts.readValuesToList());
            final ForecastRecord rest = out.get(OUTSIDE).get(out.get(OUTSIDE).size() - 1);
            assertThat(rest.meta().runtime()).isEqualTo("baseline");
            assertThat(rest.meta().fallbackReason()).isEqualTo("route_policy_baseline");
            assertThat(rest.meta().routeSelected()).isEqualTo("baseline");
            assertThat(rest.meta().routeReason()).isEqualTo("outside_canary_share");
            final List<FallbackEvent> events = h.fallbacks.readValuesToList().stream()
                    .filter(e -> e.marketId().equals(OUTSIDE) && e.asOfTs().equals(rest.asOfTs()))
                    .toList();
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.reason()).isEqualTo("route_policy_baseline");
                assertThat(e.detail()).contains("outside_canary_share");
            });
            assertThat(out.get(IN_SHARE)
                            .get(out.get(IN_SHARE).size() - 1)
                            .meta()
                            .modelName())
                    .isEqualTo("timesfm");
        }
    }

    @Test
    void keepsTheInputGatesAheadOfTheRoutePolicyAndTheRoutePolicyAheadOfTheBreaker() {
        final StubModelClient current = stub("chronos2").breakerOpen(true);
        final Map<String, String> settings =
                Map.of("min.points.for.tsfm", "3", "rollout.baseline.segments", "market_id=" + OUTSIDE);
        try (TopologyHarness h = new TopologyHarness(stateDir, settings, current)) {
            h.minuteTicks(List.of(IN_SHARE, OUTSIDE), T0, T0.plus(Duration.ofMinutes(21)), 0.4);
            final Map<String, List<ForecastRecord>> out = byMarket(h.forecasts.readValuesToList());
            // as_of T0+5m and T0+10m have fewer than 3 steps: too_few_points wins over everything after it
            assertThat(out.get(OUTSIDE).stream().map(f -> f.meta().fallbackReason()))
                    .containsExactly(
                            "too_few_points", "too_few_points", "route_policy_baseline", "route_policy_baseline");
            assertThat(out.get(OUTSIDE).get(3).meta().routeReason()).isEqualTo("segment_rule:market_id=" + OUTSIDE);
            assertThat(out.get(IN_SHARE).stream().map(f -> f.meta().fallbackReason()))
                    .containsExactly(
                            "too_few_points", "too_few_points", "circuit_breaker_open", "circuit_breaker_open");
        }
    }

    @Test
    void neverServesAShadowAnswerWhetherTheCandidateIsFasterOrFails() {
        final StubModelClient current = stub("chronos2").holding();
        final StubModelClient shadow = stub("timesfm");
        final Map<String, String> settings =
                Map.of("min.points.for.tsfm", "2", "rollout.stage", "shadow", "rollout.candidate.model", "timesfm");
        try (TopologyHarness h = new TopologyHarness(stateDir, settings, new ModelClients(current, null, shadow))) {
            h.minuteTicks(List.of(IN_SHARE, OUTSIDE), T0, T0.plus(Duration.ofMinutes(16)), 0.4);
            h.drain();
            // the shadow answered at once, the current model holds: nothing served yet, shadows published
            assertThat(h.forecasts.readValuesToList().stream()
                            .filter(f -> !f.meta().fallbackUsed()))
                    .isEmpty();
            final List<ForecastRecord> shadows = h.shadowForecasts.readValuesToList();
            assertThat(shadows).isNotEmpty().allSatisfy(f -> {
                assertThat(f.meta().modelName()).isEqualTo("timesfm");
                assertThat(f.meta().routeReason()).isEqualTo("shadow");
            });
            current.releaseAll();
            h.drain();
            final List<ForecastRecord> served = h.forecasts.readValuesToList();
            assertThat(served).isNotEmpty().allSatisfy(f -> {
                assertThat(f.meta().modelName()).isIn("chronos2", "ewma_baseline");
                assertThat(f.meta().routeReason()).isIn("shadow_stage", "too_few_points");
            });
            assertThat(h.metrics.count(MetricNames.SHADOW_COMPARISONS, "model", "timesfm", "match", "true"))
                    .isEqualTo(4.0); // as_of T0+10m and T0+15m, two markets: both mocks forecast the last value
            // a failing candidate changes nothing served
            shadow.failingWith("http_503");
            h.minuteTicks(
                    List.of(IN_SHARE, OUTSIDE), T0.plus(Duration.ofMinutes(16)), T0.plus(Duration.ofMinutes(21)), 0.4);
            current.releaseAll();
            h.drain();
            assertThat(h.forecasts.readValuesToList())
                    .hasSize(2)
                    .allSatisfy(f -> assertThat(f.meta().modelName()).isEqualTo("chronos2"));
            assertThat(h.shadowForecasts.readValuesToList())
                    .hasSize(2)
                    .allSatisfy(f -> assertThat(f.meta().fallbackReason()).isEqualTo("tollama_error:http_503"));
            assertThat(h.metrics.count(
                            MetricNames.SHADOW_FORECASTS, "model", "timesfm", "outcome", "tollama_error:http_503"))
                    .isEqualTo(2.0);
        }
    }
}
