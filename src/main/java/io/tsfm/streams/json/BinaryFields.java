package io.tsfm.streams.json;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The field layouts of the {@link CompactSerde} values with texts and arrays, shared so that each is written and
 * read one way: a text is its UTF-8 length (4 bytes, -1 for null) and bytes; an array its length (-1 for null)
 * and its values as IEEE doubles or longs, exactly; a matrix its row count and rows. {@code size} gives the
 * bytes {@code put} writes, so a value's buffer is allocated once.
 */
public final class BinaryFields {
    private static final int ABSENT = -1;

    private BinaryFields() {}

    public static byte[] bytes(final String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    public static int size(final byte[] text) {
        return Integer.BYTES + (text == null ? 0 : text.length);
    }

    public static int size(final double[] values) {
        return Integer.BYTES + (values == null ? 0 : values.length * Double.BYTES);
    }

    public static int size(final long[] values) {
        return Integer.BYTES + (values == null ? 0 : values.length * Long.BYTES);
    }

    public static int size(final double[][] rows) {
        int size = Integer.BYTES;
        if (rows != null) {
            for (final double[] row : rows) {
                size += size(row);
            }
        }
        return size;
    }

    public static ByteBuffer put(final ByteBuffer out, final byte[] text) {
        return text == null ? out.putInt(ABSENT) : out.putInt(text.length).put(text);
    }

    public static void put(final ByteBuffer out, final double[] values) {
        if (values == null) {
            out.putInt(ABSENT);
            return;
        }
        out.putInt(values.length);
        for (final double v : values) {
            out.putDouble(v);
        }
    }

    public static void put(final ByteBuffer out, final long[] values) {
        if (values == null) {
            out.putInt(ABSENT);
            return;
        }
        out.putInt(values.length);
        for (final long v : values) {
            out.putLong(v);
        }
    }

    public static void put(final ByteBuffer out, final double[][] rows) {
        if (rows == null) {
            out.putInt(ABSENT);
            return;
        }
        out.putInt(rows.length);
        for (final double[] row : rows) {
            put(out, row);
        }
    }

    public static String text(final ByteBuffer in) {
        final int length = length(in, 1);
        if (length == ABSENT) {
            return null;
        }
        final String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    public static double[] doubles(final ByteBuffer in) {
        final int length = length(in, Double.BYTES);
        if (length == ABSENT) {
            return null;
        }
        final double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.getDouble();
        }
        return values;
    }

    public static long[] longs(final ByteBuffer in) {
        final int length = length(in, Long.BYTES);
        if (length == ABSENT) {
            return null;
        }
        final long[] values = new long[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.getLong();
        }
        return values;
    }

    public static double[][] matrix(final ByteBuffer in) {
        final int rows = length(in, Integer.BYTES);
        if (rows == ABSENT) {
            return null;
        }
        final double[][] values = new double[rows][];
        for (int i = 0; i < rows; i++) {
            values[i] = doubles(in);
        }
        return values;
    }

    /** A length prefix; one that the rest of the value cannot hold is a truncated or foreign value. */
    private static int length(final ByteBuffer in, final int unit) {
        final int length = in.getInt();
        if (length < ABSENT || (long) length * unit > in.remaining()) {
            throw new BufferUnderflowException();
        }
        return length;
    }
}
