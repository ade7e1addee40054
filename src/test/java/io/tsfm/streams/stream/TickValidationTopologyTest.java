package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.tick.DlqHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickValidationTopologyTest {
    private static final Instant T0 = TopologyHarness.T0;

    @TempDir
    Path stateDir;

    private static String header(final Headers headers, final String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void sendsMalformedTicksToTheDlqWithOriginalBytesAndReason() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of(), TopologyHarness.defaultModel())) {
            h.raw("m-a", "{not json", T0);
            h.raw("m-a", "{\"market_id\":\"m-a\",\"ts\":\"" + T0 + "\",\"p_yes\":1.5}", T0);
            h.tick("m-a", T0.plusSeconds(1), 0.5);
            final var first = h.dlq.readRecord();
            assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("m-a");
            assertThat(header(first.headers(), DlqHeaders.REASON)).isEqualTo("malformed_json");
            assertThat(header(first.headers(), DlqHeaders.SOURCE_TOPIC)).isEqualTo("market-ticks");
            assertThat(header(first.headers(), DlqHeaders.SOURCE_OFFSET)).isEqualTo("0");
            assertThat(header(first.headers(), DlqHeaders.SOURCE_PARTITION)).isEqualTo("0");
            final var second = h.dlq.readRecord();
            assertThat(header(second.headers(), DlqHeaders.REASON)).isEqualTo("out_of_range");
            assertThat(header(second.headers(), DlqHeaders.DETAIL)).isEqualTo("p_yes 1.5 is outside [0,1]");
            assertThat(header(second.headers(), DlqHeaders.SOURCE_OFFSET)).isEqualTo("1");
            assertThat(h.dlq.isEmpty()).isTrue();
        }
    }

    @Test
    void keepsForecastingGoodMarketsAfterBadInput() {
        try (TopologyHarness h =
                new TopologyHarness(stateDir, Map.of("min.points.for.tsfm", "1"), TopologyHarness.defaultModel())) {
            h.raw(null, null, T0);
            h.raw("x", "[1,2]", T0);
            h.tick("m-a", T0.plusSeconds(10), 0.5);
            h.tick("m-a", T0.plusSeconds(310), 0.5);
            h.drain();
            assertThat(h.dlq.readRecordsToList()).hasSize(2);
            assertThat(h.forecasts.readValue().meta().runtime()).isEqualTo("tollama");
        }
    }

    @Test
    void takesTheMarketFromTheValueWhenTheRecordHasNoKey() {
        try (TopologyHarness h =
                new TopologyHarness(stateDir, Map.of("min.points.for.tsfm", "1"), TopologyHarness.defaultModel())) {
            h.raw(null, TopologyHarness.tickJson("m-nokey", T0.plusSeconds(10), 0.3, "high"), T0.plusSeconds(10));
            h.tick("m-a", T0.plusSeconds(310), 0.5);
            h.drain();
            assertThat(h.forecasts.readValuesToList())
                    .extracting(f -> f.marketId())
                    .containsExactly("m-nokey");
            assertThat(h.dlq.isEmpty()).isTrue();
        }
    }
}
