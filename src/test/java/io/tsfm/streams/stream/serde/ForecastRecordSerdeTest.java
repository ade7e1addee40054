package io.tsfm.streams.stream.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.stream.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A forecast written to the store and then to the topic is turned into JSON once; each record gets its own. */
class ForecastRecordSerdeTest {
    @TempDir
    Path stateDir;

    @Test
    void theSameForecastWrittenTwiceInARowIsWrittenAsJsonOnce() {
        final List<ForecastRecord> made = forecasts();
        final ForecastRecordSerde serde = new ForecastRecordSerde();
        final Serializer<ForecastRecord> store = serde.serializer();
        final Serializer<ForecastRecord> topic = new ForecastRecordSerde().serializer();

        final byte[] first = store.serialize("latest-forecast", made.get(0));
        assertThat(topic.serialize("tsfm-forecasts", made.get(0))).isSameAs(first);

        final byte[] second = topic.serialize("tsfm-forecasts", made.get(1));
        assertThat(new String(second, StandardCharsets.UTF_8)).contains("\"market_id\":\"m-b\"");
        assertThat(new String(first, StandardCharsets.UTF_8)).contains("\"market_id\":\"m-a\"");
        final ForecastRecord copy = serde.deserializer().deserialize("tsfm-forecasts", first);
        assertThat(store.serialize("latest-forecast", copy)).isNotSameAs(first).isEqualTo(first);
    }

    private List<ForecastRecord> forecasts() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of(), TopologyHarness.defaultModel())) {
            final Instant t0 = TopologyHarness.T0;
            h.tick("m-a", t0.plusSeconds(60), 0.4);
            h.tick("m-b", t0.plusSeconds(60), 0.6);
            h.tick("m-a", t0.plusSeconds(300), 0.5); // T0+5m due: both get the baseline
            return h.forecasts.readValuesToList().stream()
                    .sorted((x, y) -> x.marketId().compareTo(y.marketId()))
                    .toList();
        }
    }
}
