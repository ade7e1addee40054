package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.domain.StepClose;
import io.tsfm.streams.stream.serde.MarketStateSerde;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class MarketStateSerdeTest {
    private final MarketStateSerde serde = new MarketStateSerde();

    private MarketState roundTrip(final MarketState state) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));
    }

    @Test
    void roundTripsEveryFieldExactly() {
        final MarketState open = new MarketState(
                1_795_000_000_000L,
                1_795_000_060_000L,
                1_795_000_000_000L,
                new StepClose(0.123456789012345, 1_795_000_061_234L, "médium"));
        assertThat(roundTrip(open)).isEqualTo(open);
        assertThat(roundTrip(new MarketState(5L, 7L, 0L, new StepClose(1.0, 7L, null))))
                .isEqualTo(new MarketState(5L, 7L, 0L, new StepClose(1.0, 7L, null)));
        assertThat(roundTrip(new MarketState(5L, 7L))).isEqualTo(new MarketState(5L, 7L));
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void isCompact() {
        assertThat(serde.serializer().serialize("t", new MarketState(1L, 2L, 0L, new StepClose(0.5, 2L, "high"))))
                .hasSize(46);
        assertThat(serde.serializer().serialize("t", new MarketState(1L, 2L))).hasSize(18);
    }

    @Test
    void readsTheJsonValuesEarlierVersionsWrote() {
        assertThat(serde.deserializer()
                        .deserialize("t", "{\"first_seen_ms\":5,\"last_tick_ms\":7}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new MarketState(5L, 7L));
        assertThat(serde.deserializer()
                        .deserialize(
                                "t",
                                ("{\"first_seen_ms\":5,\"last_tick_ms\":7,"
                                                + "\"open_step_ms\":0,\"open\":{\"p\":0.5,\"ts_ms\":7,\"bucket\":\"low\"}}")
                                        .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new MarketState(5L, 7L, 0L, new StepClose(0.5, 7L, "low")));
    }

    @Test
    void rejectsBytesOfNoKnownFormat() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {2, 0, 0}))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[18]))
                .isInstanceOf(SerializationException.class);
        final byte[] truncated = new byte[20];
        truncated[0] = 1;
        truncated[17] = 1;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
                .isInstanceOf(SerializationException.class);
    }
}
