package io.tsfm.streams.json;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of a store value written on the tick path, where JSON showed: a format byte {@code 0x01}, then a
 * fixed binary layout. Values written by earlier versions are JSON (always starting with an opening brace) and
 * are still read, so stores and changelogs need no migration; an earlier version cannot read the binary
 * ones, so a rollback resets the store.
 */
public abstract class CompactSerde<T> implements Serde<T> {
    public static final byte FORMAT_V1 = 0x01;
    private static final byte[] NONE = new byte[0];

    private final String name;
    private final Deserializer<T> json;

    protected CompactSerde(final Class<T> type) {
        this.name = type.getSimpleName();
        this.json = new JsonSerde<T>(type) {}.deserializer();
    }

    /** The whole value: {@link #FORMAT_V1}, then the layout. */
    protected abstract byte[] encode(T value);

    /** Reads the layout; {@code in} is past the format byte. Reading past its end rejects the value. */
    protected abstract T decode(ByteBuffer in);

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return json.deserialize(topic, bytes); // written by an earlier version
            }
            if (bytes.length > 0 && bytes[0] == FORMAT_V1) {
                try {
                    return decode(ByteBuffer.wrap(bytes, 1, bytes.length - 1));
                } catch (final BufferUnderflowException e) {
                    // truncated: reported below
                }
            }
            throw new SerializationException("not a " + name + " value: " + bytes.length + " bytes, format byte "
                    + (bytes.length == 0 ? "none" : Byte.toString(bytes[0])));
        };
    }

    /** A text as UTF-8; no bytes for null. */
    public static byte[] utf8(final String text) {
        return text == null ? NONE : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The rest of {@code in} as UTF-8 text, null when nothing is left; consumes it. */
    public static String restAsUtf8(final ByteBuffer in) {
        if (!in.hasRemaining()) {
            return null;
        }
        final String text =
                new String(in.array(), in.arrayOffset() + in.position(), in.remaining(), StandardCharsets.UTF_8);
        in.position(in.limit());
        return text;
    }
}
