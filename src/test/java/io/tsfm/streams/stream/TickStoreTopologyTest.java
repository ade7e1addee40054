package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.StepClose;
import io.tsfm.streams.topology.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tick path leaves in the step and market stores, whatever the arrival order and after a cycle
 * expired a market: the processor's in-memory copy of them must never disagree with the stores (restarts,
 * where the copy starts empty, are covered by CrashRecoveryIT on a real broker).
 */
class TickStoreTopologyTest {
    private static final Instant T0 = TopologyHarness.T0;
    private static final Map<String, String> NO_FORECASTS = Map.of("baseline.only.liquidity.bucket", "low,medium,high");

    @TempDir
    Path stateDir;

    /** The close as contexts and scoring see it: the market's open step from its state, the rest from the step store. */
    private static StepClose close(final TopologyHarness h, final String market, final Instant stepStart) {
        final MarketState state = state(h, market);
        if (state != null && state.openStepMs() != null && state.openStepMs() == stepStart.toEpochMilli()) {
            return state.open();
        }
        return stored(h, market, stepStart);
    }

    private static StepClose stored(final TopologyHarness h, final String market, final Instant stepStart) {
        final WindowStore<String, StepClose> steps = h.driver.getWindowStore(Names.STEP_CLOSES_STORE);
        return steps.fetch(market, stepStart.toEpochMilli());
    }

    private static MarketState state(final TopologyHarness h, final String market) {
        final KeyValueStore<String, MarketState> markets = h.driver.getKeyValueStore(Names.MARKET_STATE_STORE);
        return markets.get(market);
    }

    @Test
    void keepsTheLatestTickOfEachStepWhateverTheArrivalOrder() {
        try (TopologyHarness h = new TopologyHarness(stateDir, NO_FORECASTS, TopologyHarness.defaultModel())) {
            h.tick("m-a", T0.plusSeconds(60), 0.40);
            h.tick("m-a", T0.plusSeconds(180), 0.60);
            h.tick("m-a", T0.plusSeconds(120), 0.50); // older than the step's close: ignored
            h.tick("m-a", T0.plusSeconds(360), 0.70); // next step
            h.tick("m-a", T0.plusSeconds(200), 0.55); // late, into the step before: newer than its close
            h.tick("m-a", T0.plusSeconds(420), 0.65);
            assertThat(close(h, "m-a", T0).p()).isEqualTo(0.55);
            assertThat(close(h, "m-a", T0).tsMs()).isEqualTo(T0.plusSeconds(200).toEpochMilli());
            assertThat(close(h, "m-a", T0.plusSeconds(300)).p()).isEqualTo(0.65);
            assertThat(state(h, "m-a"))
                    .isEqualTo(new MarketState(
                            T0.plusSeconds(60).toEpochMilli(),
                            T0.plusSeconds(360).toEpochMilli(),
                            T0.plusSeconds(300).toEpochMilli(),
                            new StepClose(0.65, T0.plusSeconds(420).toEpochMilli(), "high")));
        }
    }

    @Test
    void aMarketExpiredByACycleStartsAgainWhenItTicksAgain() {
        try (TopologyHarness h = new TopologyHarness(stateDir, NO_FORECASTS, TopologyHarness.defaultModel())) {
            h.tick("m-a", T0.plusSeconds(60), 0.40);
            h.tick("m-a", T0.plusSeconds(90), 0.42);
            // another market moves stream time on by 30 h: the cycles expire m-a (silent for over a day)
            final Instant later = T0.plus(Duration.ofHours(30));
            h.tick("m-b", later, 0.5);
            assertThat(state(h, "m-a")).isNull();
            h.tick("m-a", later.plusSeconds(60), 0.44);
            assertThat(state(h, "m-a").firstSeenMs())
                    .isEqualTo(later.plusSeconds(60).toEpochMilli());
            assertThat(state(h, "m-a").lastTickMs())
                    .isEqualTo(later.plusSeconds(60).toEpochMilli());
        }
    }

    @Test
    void theOpenStepStaysInTheMarketStateUntilTheMarketLeavesIt() {
        try (TopologyHarness h = new TopologyHarness(stateDir, NO_FORECASTS, TopologyHarness.defaultModel())) {
            h.tick("m-a", T0.plusSeconds(60), 0.40);
            h.tick("m-a", T0.plusSeconds(120), 0.45);
            assertThat(stored(h, "m-a", T0))
                    .as("one write per step, not per tick")
                    .isNull();
            assertThat(state(h, "m-a").open().p()).isEqualTo(0.45);

            h.tick("m-a", T0.plusSeconds(330), 0.50); // the next step: the first one is left
            assertThat(stored(h, "m-a", T0).p()).isEqualTo(0.45);
            assertThat(state(h, "m-a").openStepMs())
                    .isEqualTo(T0.plusSeconds(300).toEpochMilli());
            assertThat(state(h, "m-a").open().p()).isEqualTo(0.50);
        }
    }

    @Test
    void aMarketStateWrittenBeforeItHeldTheOpenStepTakesItOverFromTheStepStore() {
        try (TopologyHarness h = new TopologyHarness(stateDir, NO_FORECASTS, TopologyHarness.defaultModel())) {
            // what an earlier version left: the open step's close in the step store, a state without it
            final KeyValueStore<String, MarketState> markets = h.driver.getKeyValueStore(Names.MARKET_STATE_STORE);
            final WindowStore<String, StepClose> steps = h.driver.getWindowStore(Names.STEP_CLOSES_STORE);
            markets.put(
                    "m-a",
                    new MarketState(
                            T0.plusSeconds(60).toEpochMilli(),
                            T0.plusSeconds(60).toEpochMilli()));
            steps.put("m-a", new StepClose(0.40, T0.plusSeconds(200).toEpochMilli(), "high"), T0.toEpochMilli());

            h.tick("m-a", T0.plusSeconds(100), 0.30); // older than the stored close: it stays
            assertThat(close(h, "m-a", T0))
                    .isEqualTo(new StepClose(0.40, T0.plusSeconds(200).toEpochMilli(), "high"));
            h.tick("m-a", T0.plusSeconds(240), 0.42);
            assertThat(close(h, "m-a", T0).p()).isEqualTo(0.42);
            h.tick("m-a", T0.plusSeconds(310), 0.43);
            assertThat(stored(h, "m-a", T0).p()).isEqualTo(0.42);
        }
    }
}
