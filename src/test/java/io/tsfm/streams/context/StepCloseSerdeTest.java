package io.tsfm.streams.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.domain.StepClose;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.stream.serde.StepCloseSerde;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StepCloseSerdeTest {
    private final StepCloseSerde serde = new StepCloseSerde();

    private StepClose roundTrip(final StepClose close) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", close));
    }

    @Test
    void roundTripsEveryFieldExactly() {
        assertThat(roundTrip(new StepClose(0.123456789012345, 1_795_000_000_123L, "high")))
                .isEqualTo(new StepClose(0.123456789012345, 1_795_000_000_123L, "high"));
        assertThat(roundTrip(new StepClose(1.0, 0L, null))).isEqualTo(new StepClose(1.0, 0L, null));
        assertThat(roundTrip(new StepClose(0.0, -1L, "médium"))).isEqualTo(new StepClose(0.0, -1L, "médium"));
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void isCompact() {
        assertThat(serde.serializer().serialize("t", new StepClose(0.5, 1L, "high")))
                .hasSize(21);
    }

    @Test
    void readsTheJsonValuesEarlierVersionsWrote() throws Exception {
        final byte[] json = Json.mapper().writeValueAsBytes(new StepClose(0.42, 1_795_000_000_000L, "low"));
        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{");
        assertThat(serde.deserializer().deserialize("t", json))
                .isEqualTo(new StepClose(0.42, 1_795_000_000_000L, "low"));
        assertThat(serde.deserializer().deserialize("t", "{\"p\":0.5,\"ts_ms\":7}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new StepClose(0.5, 7L, null));
    }

    @Test
    void rejectsBytesOfNoKnownFormat() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {2, 0, 0}))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 0, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
