package io.tsfm.streams.context;

import io.tsfm.streams.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the step store's values, the one value written for every tick and read for every step of every
 * context. Compact binary: a format byte {@code 0x01}, {@code p} (8-byte IEEE double), {@code ts_ms}
 * (8 bytes), then the liquidity bucket as UTF-8 to the end (no bytes: no bucket). 17 bytes plus the bucket
 * instead of about 50 bytes of JSON, and no text to parse.
 * <p>
 * Values written by earlier versions are JSON ({@code {"p":..,"ts_ms":..,"bucket":..}}, always starting with
 * {@code '{'}) and are still read, so existing stores and changelogs need no migration; they are rewritten
 * in the binary form as their steps get new ticks, and age out with the store's retention (about a day).
 * An older version cannot read the binary values: a rollback needs a reset of the step store.
 */
public final class StepCloseSerde implements Serde<StepClose> {
    static final byte FORMAT_V1 = 0x01;
    private static final int FIXED = 1 + Double.BYTES + Long.BYTES;

    @Override
    public Serializer<StepClose> serializer() {
        return (topic, close) -> close == null ? null : encode(close);
    }

    @Override
    public Deserializer<StepClose> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(final StepClose close) {
        final byte[] bucket = close.bucket() == null ? new byte[0] : close.bucket().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(FIXED + bucket.length).put(FORMAT_V1).putDouble(close.p()).putLong(close.tsMs())
                .put(bucket).array();
    }

    static StepClose decode(final byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            try {
                return Json.mapper().readValue(bytes, StepClose.class); // written by an earlier version
            } catch (final IOException e) {
                throw new SerializationException("cannot read StepClose from JSON", e);
            }
        }
        if (bytes.length < FIXED || bytes[0] != FORMAT_V1) {
            throw new SerializationException("not a StepClose value: " + bytes.length + " bytes, format byte "
                    + (bytes.length == 0 ? "none" : Byte.toString(bytes[0])));
        }
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        in.get();
        final double p = in.getDouble();
        final long tsMs = in.getLong();
        final String bucket = bytes.length == FIXED ? null
                : new String(bytes, FIXED, bytes.length - FIXED, StandardCharsets.UTF_8);
        return new StepClose(p, tsMs, bucket);
    }
}
