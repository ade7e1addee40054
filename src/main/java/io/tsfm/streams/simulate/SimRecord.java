package io.tsfm.streams.simulate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One simulated Kafka record: key (market id), value bytes (tick JSON, or garbage when malformed) and
 * record timestamp (event time). Equality compares the bytes, so two runs can be compared directly.
 * The value array is shared, not copied: do not modify it.
 *
 * @param key         the market id
 * @param value       UTF-8 tick JSON, or arbitrary bytes when {@code malformed}
 * @param timestampMs event time in epoch milliseconds (the record timestamp)
 * @param malformed   whether {@code value} is deliberately invalid
 */
public record SimRecord(String key, byte[] value, long timestampMs, boolean malformed) {

    public SimRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** The value decoded as UTF-8 (malformed values may contain replacement characters). */
    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof SimRecord that
                && timestampMs == that.timestampMs
                && malformed == that.malformed
                && key.equals(that.key)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, timestampMs, malformed) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "SimRecord[key=" + key + ", timestampMs=" + timestampMs + ", malformed=" + malformed + ", value="
                + valueAsString() + "]";
    }
}
