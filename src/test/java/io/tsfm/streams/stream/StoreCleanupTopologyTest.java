package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.topology.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the stores hold once answers are drained and forecasts scored: entries are deleted without being
 * read (StoreWrites), and none may be left behind; the latest forecast of each market is its newest.
 */
class StoreCleanupTopologyTest {
    private static final Instant T0 = TopologyHarness.T0;

    @TempDir
    Path stateDir;

    private static <V> List<String> keys(final TopologyHarness h, final String storeName) {
        final KeyValueStore<String, V> store = h.driver.getKeyValueStore(storeName);
        final List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    @Test
    void leavesNoAnsweredJobScoredForecastOrAppliedTickInItsStores() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of(), TopologyHarness.defaultModel())) {
            h.minuteTicks(List.of("m-a", "m-b"), T0, T0.plus(Duration.ofHours(4)), 0.4);
            h.drain();
            final List<ForecastRecord> forecasts = h.forecasts.readValuesToList();
            final List<ForecastScore> scores = h.scores.readValuesToList();
            assertThat(forecasts).hasSize(94);
            assertThat(scores).hasSize(70);

            assertThat(keys(h, Names.PENDING_STORE)).isEmpty();
            assertThat(keys(h, Names.HELD_TICKS_STORE)).isEmpty();
            final List<String> scored =
                    scores.stream().map(s -> s.marketId() + "@" + s.asOfTs()).collect(Collectors.toList());
            final List<String> open = forecasts.stream()
                    .map(f -> f.marketId() + "@" + f.asOfTs())
                    .filter(f -> !scored.contains(f))
                    .collect(Collectors.toList());
            assertThat(open).hasSize(24);
            assertThat(keys(h, Names.OPEN_FORECASTS_STORE)).hasSize(24);
        }
    }

    @Test
    void keepsEachMarketsNewestForecastAsItsLatest() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of(), TopologyHarness.defaultModel())) {
            h.minuteTicks(List.of("m-a", "m-b"), T0, T0.plus(Duration.ofHours(2)), 0.4);
            h.drain();
            final KeyValueStore<String, ForecastRecord> latest = h.driver.getKeyValueStore(Names.LATEST_FORECAST_STORE);
            final Map<String, String> stored = new TreeMap<>();
            try (KeyValueIterator<String, ForecastRecord> it = latest.all()) {
                it.forEachRemaining((KeyValue<String, ForecastRecord> kv) -> stored.put(kv.key, kv.value.asOfTs()));
            }
            assertThat(stored)
                    .containsExactly(
                            Map.entry("m-a", "2026-11-20T01:55:00Z"), Map.entry("m-b", "2026-11-20T01:55:00Z"));
        }
    }
}
