package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.cycle.CycleState;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.stream.serde.CycleStateSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cycle runs in slices of {@code cycle.slice.markets} between commits, and serves what a whole cycle would. */
class CycleSlicesTest {
    private static final Instant T0 = TopologyHarness.T0;
    private static final List<String> MARKETS = List.of("m-a", "m-b", "m-c", "m-d", "m-e");

    @TempDir
    Path stateDir;

    @Test
    void aCycleStopsAfterOneSliceAndThePunctuatorDoesTheRest() {
        try (TopologyHarness h =
                new TopologyHarness(stateDir, Map.of("cycle.slice.markets", "2"), TopologyHarness.defaultModel())) {
            MARKETS.forEach(m -> h.tick(m, T0.plusSeconds(60), 0.4));
            h.tick("m-a", T0.plusSeconds(300), 0.5); // makes T0+5m due: every market has one step, too few points
            assertThat(h.forecasts.readValuesToList())
                    .extracting(ForecastRecord::marketId)
                    .containsExactly("m-a", "m-b");
            h.drain();
            assertThat(h.forecasts.readValuesToList())
                    .extracting(ForecastRecord::marketId)
                    .containsExactly("m-c", "m-d");
            h.drain();
            assertThat(h.forecasts.readValuesToList())
                    .extracting(ForecastRecord::marketId)
                    .containsExactly("m-e");
            h.drain();
            assertThat(h.forecasts.readValuesToList()).isEmpty();
        }
    }

    @Test
    void aSlicedCycleServesEveryForecastOfAWholeOne() {
        final List<String> whole = run(Map.of("min.points.for.tsfm", "6"));
        final List<String> sliced = run(Map.of("min.points.for.tsfm", "6", "cycle.slice.markets", "2"));
        // one market's worth per transaction: four scores, or one market's forecast
        final List<String> thin = run(Map.of("min.points.for.tsfm", "6", "cycle.slice.markets", "1"));
        // 5 markets x 15 boundaries (T0+5m .. T0+75m), the later ones answered by the model; the forecasts of
        // T0+5m .. T0+15m scored at T0+65m .. T0+75m
        assertThat(whole).hasSize(75 + 15).anyMatch(f -> f.contains("runtime=tollama"));
        assertThat(whole).filteredOn(f -> f.startsWith("score ")).hasSize(15);
        assertThat(sliced).containsExactlyInAnyOrderElementsOf(whole);
        assertThat(thin).containsExactlyInAnyOrderElementsOf(whole);
    }

    @Test
    void aSliceHandsOnTheAnswersThatCameInWhileItStillRuns() {
        final List<String> markets =
                IntStream.range(0, 40).mapToObj(i -> String.format("m-%02d", i)).toList();
        try (TopologyHarness h = new TopologyHarness(
                stateDir,
                Map.of("min.points.for.tsfm", "6", "tollama.series.per.request", "4"),
                TopologyHarness.defaultModel())) {
            h.minuteTicks(markets, T0.plusSeconds(60), T0.plus(Duration.ofMinutes(35)), 0.4);
            IntStream.range(0, 5).forEach(i -> h.drain());
            h.forecasts.readValuesToList();
            // T0+35m due: one slice of 40 markets; the stub answers each request of 4 as it is sent
            h.tick("m-00", T0.plus(Duration.ofMinutes(35)), 0.5);
            final List<ForecastRecord> duringTheSlice = h.forecasts.readValuesToList();
            assertThat(duringTheSlice).allMatch(f -> f.meta().runtime().equals("tollama"));
            assertThat(duringTheSlice)
                    .extracting(ForecastRecord::marketId)
                    .containsExactlyElementsOf(markets.subList(0, BoundaryCycle.DELIVER_EVERY_MARKETS));
            h.drain();
            assertThat(h.forecasts.readValuesToList())
                    .extracting(ForecastRecord::marketId)
                    .containsExactlyElementsOf(markets.subList(BoundaryCycle.DELIVER_EVERY_MARKETS, 40));
        }
    }

    /** Each market's forecasts and scores as text, once the punctuator has done every cycle and applied every held tick. */
    private List<String> run(final Map<String, String> settings) {
        final Path dir = stateDir.resolve("run-" + settings.size());
        try (TopologyHarness h = new TopologyHarness(dir, settings, TopologyHarness.defaultModel())) {
            for (int minute = 1; minute <= 75; minute++) {
                for (int i = 0; i < MARKETS.size(); i++) {
                    // each market its own path: prices that move by market and minute
                    h.tick(MARKETS.get(i), T0.plus(Duration.ofMinutes(minute)), 0.3 + 0.01 * ((minute * (i + 2)) % 17));
                }
            }
            h.drain();
            for (int i = 0; i < 1_000 && h.metrics.runningCycles() > 0; i++) {
                h.drain();
            }
            assertThat(h.metrics.runningCycles()).isZero();
            final List<String> out = new java.util.ArrayList<>(h.forecasts.readValuesToList().stream()
                    .map(f -> f.marketId() + "@" + f.asOfTs() + " runtime="
                            + f.meta().runtime() + " reason="
                            + f.meta().fallbackReason() + " len=" + f.meta().inputLen() + " q="
                            + f.yhatQ().entrySet().stream()
                                    .map(e -> e.getKey() + Arrays.toString(e.getValue()))
                                    .sorted()
                                    .toList())
                    .toList());
            final var json = new io.tsfm.streams.stream.serde.ForecastScoreSerde().serializer();
            h.scores
                    .readValuesToList()
                    .forEach(score ->
                            out.add("score " + new String(json.serialize("t", score), StandardCharsets.UTF_8)));
            return out;
        }
    }

    @Test
    void aLateTickForAMarketTheCycleHasNotReachedLeavesItsForecastAsAWholeCycleMadeIt() {
        try (TopologyHarness h =
                new TopologyHarness(stateDir, Map.of("cycle.slice.markets", "1"), TopologyHarness.defaultModel())) {
            MARKETS.forEach(m -> h.tick(m, T0.plusSeconds(60), 0.4));
            h.tick("m-a", T0.plusSeconds(300), 0.5); // T0+5m due; its first slice does m-a only
            h.tick("m-e", T0.plusSeconds(240), 0.9); // late for T0+5m: held until the cycle is done
            IntStream.range(0, 5).forEach(i -> h.drain());
            final List<ForecastRecord> out = h.forecasts.readValuesToList();
            assertThat(out)
                    .extracting(ForecastRecord::marketId)
                    .containsExactlyInAnyOrder("m-a", "m-b", "m-c", "m-d", "m-e");
            final ForecastRecord e = out.stream()
                    .filter(f -> f.marketId().equals("m-e"))
                    .findFirst()
                    .orElseThrow();
            assertThat(e.yhatQ().get("0.5")[0]).isCloseTo(0.4, within(1e-9));
            // the late tick counts from the next boundary on
            h.tick("m-a", T0.plusSeconds(600), 0.5);
            IntStream.range(0, 5).forEach(i -> h.drain());
            final ForecastRecord next = h.forecasts.readValuesToList().stream()
                    .filter(f -> f.marketId().equals("m-e"))
                    .findFirst()
                    .orElseThrow();
            assertThat(next.yhatQ().get("0.5")[0]).isCloseTo(0.9, within(1e-9));
        }
    }

    @Test
    void ticksThatComeWhileACycleRunsWaitForItAndABoundaryTheyMakeDueStartsOnlyAfterIt() {
        try (TopologyHarness h =
                new TopologyHarness(stateDir, Map.of("cycle.slice.markets", "2"), TopologyHarness.defaultModel())) {
            MARKETS.forEach(m -> h.tick(m, T0.plusSeconds(60), 0.4));
            h.tick("m-a", T0.plusSeconds(300), 0.5); // T0+5m due: its first slice does m-a and m-b
            h.tick("m-e", T0.plusSeconds(420), 0.7); // held: the cycle still has m-c .. m-e to do
            h.tick("m-a", T0.plusSeconds(600), 0.6); // held too, though it makes T0+10m due
            assertThat(h.metrics.runningCycles()).isEqualTo(1);
            assertThat(h.forecasts.readValuesToList())
                    .extracting(f -> f.marketId() + "@" + f.asOfTs())
                    .containsExactly("m-a@2026-11-20T00:05:00Z", "m-b@2026-11-20T00:05:00Z");
            IntStream.range(0, 6).forEach(i -> h.drain());
            final List<ForecastRecord> out = h.forecasts.readValuesToList();
            assertThat(out)
                    .extracting(f -> f.marketId() + "@" + f.asOfTs())
                    .containsExactly(
                            "m-c@2026-11-20T00:05:00Z",
                            "m-d@2026-11-20T00:05:00Z",
                            "m-e@2026-11-20T00:05:00Z",
                            "m-a@2026-11-20T00:10:00Z",
                            "m-b@2026-11-20T00:10:00Z",
                            "m-c@2026-11-20T00:10:00Z",
                            "m-d@2026-11-20T00:10:00Z",
                            "m-e@2026-11-20T00:10:00Z");
            // the held ticks reached the stores before T0+10m's cycle: m-e's context ends with its 0.7
            assertThat(out.get(2).yhatQ().get("0.5")[0]).isCloseTo(0.4, within(1e-9));
            assertThat(out.get(7).yhatQ().get("0.5")[0]).isCloseTo(0.7, within(1e-9));
            assertThat(h.metrics.runningCycles()).isZero();
        }
    }

    @Test
    void aCycleStateWrittenBeforeSlicesReadsAsAFinishedCycle() {
        final CycleState old = new CycleStateSerde()
                .deserializer()
                .deserialize(
                        "t",
                        "{\"last_boundary_ms\":300000,\"stream_time_ms\":360000}".getBytes(StandardCharsets.UTF_8));
        assertThat(old).isEqualTo(new CycleState(300_000L, 360_000L));
        assertThat(old.running()).isFalse();
        final CycleState running = CycleState.starting(600_000L, 610_000L).resumingAfter("m-b");
        final byte[] bytes = new CycleStateSerde().serializer().serialize("t", running);
        assertThat(new CycleStateSerde().deserializer().deserialize("t", bytes)).isEqualTo(running);
        assertThat(running.running()).isTrue();
    }

    @Test
    void aCycleStateWrittenBeforeScoresWereSlicedReadsAsScored() {
        final CycleState old = new CycleStateSerde()
                .deserializer()
                .deserialize(
                        "t",
                        "{\"last_boundary_ms\":600000,\"stream_time_ms\":610000,\"resume_after\":\"m-b\"}"
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(old).isEqualTo(CycleState.starting(600_000L, 610_000L).resumingAfter("m-b"));
        assertThat(old.scoring()).isFalse();
        final CycleState scoring = CycleState.opening(900_000L, 910_000L, true);
        final byte[] bytes = new CycleStateSerde().serializer().serialize("t", scoring);
        assertThat(new CycleStateSerde().deserializer().deserialize("t", bytes)).isEqualTo(scoring);
        assertThat(scoring.running()).isTrue();
        assertThat(scoring.cycling()).isFalse();
    }
}
