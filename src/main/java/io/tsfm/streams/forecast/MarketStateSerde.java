package io.tsfm.streams.forecast;

import io.tsfm.streams.context.StepClose;
import io.tsfm.streams.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link MarketState}, written for every tick since the state holds the open step. Compact binary:
 * a format byte {@code 0x01}, first seen and last tick (8 bytes each), a flag byte (1: an open step follows),
 * then the open step's start, {@code p} and {@code ts_ms} (8 bytes each) and its liquidity bucket as UTF-8 to
 * the end. Values written by earlier versions are JSON (always starting with {@code '{'}) and are still read;
 * an earlier version cannot read the binary ones, so a rollback resets this store.
 */
public final class MarketStateSerde implements Serde<MarketState> {
    static final byte FORMAT_V1 = 0x01;
    private static final int FIXED = 1 + 2 * Long.BYTES + 1;
    private static final int OPEN = 3 * Long.BYTES;

    @Override
    public Serializer<MarketState> serializer() {
        return (topic, state) -> state == null ? null : encode(state);
    }

    @Override
    public Deserializer<MarketState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(final MarketState state) {
        final StepClose open = state.open();
        if (open == null || state.openStepMs() == null) {
            return ByteBuffer.allocate(FIXED).put(FORMAT_V1).putLong(state.firstSeenMs()).putLong(state.lastTickMs())
                    .put((byte) 0).array();
        }
        final byte[] bucket = open.bucket() == null ? new byte[0] : open.bucket().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(FIXED + OPEN + bucket.length).put(FORMAT_V1).putLong(state.firstSeenMs())
                .putLong(state.lastTickMs()).put((byte) 1).putLong(state.openStepMs()).putDouble(open.p())
                .putLong(open.tsMs()).put(bucket).array();
    }

    static MarketState decode(final byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            try {
                return Json.mapper().readValue(bytes, MarketState.class); // written by an earlier version
            } catch (final IOException e) {
                throw new SerializationException("cannot read MarketState from JSON", e);
            }
        }
        if (bytes.length < FIXED || bytes[0] != FORMAT_V1 || (bytes[FIXED - 1] == 1 && bytes.length < FIXED + OPEN)) {
            throw new SerializationException("not a MarketState value: " + bytes.length + " bytes, format byte "
                    + (bytes.length == 0 ? "none" : Byte.toString(bytes[0])));
        }
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        in.get();
        final long firstSeenMs = in.getLong();
        final long lastTickMs = in.getLong();
        if (in.get() != 1) {
            return new MarketState(firstSeenMs, lastTickMs);
        }
        final long openStepMs = in.getLong();
        final double p = in.getDouble();
        final long tsMs = in.getLong();
        final String bucket = bytes.length == FIXED + OPEN ? null
                : new String(bytes, FIXED + OPEN, bytes.length - FIXED - OPEN, StandardCharsets.UTF_8);
        return new MarketState(firstSeenMs, lastTickMs, openStepMs, new StepClose(p, tsMs, bucket));
    }
}
