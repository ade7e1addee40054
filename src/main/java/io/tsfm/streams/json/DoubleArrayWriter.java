package io.tsfm.streams.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes {@code double[]} exactly as Jackson's fast double writer does, through a small per-thread cache of
 * each value's text. Forecasts, scores and calibration snapshots are mostly arrays of doubles, and real
 * markets sit still: a quiet market's quantiles repeat across its steps, a calibration cell's scales across its
 * markets. Writing records was a third of a replay's stream-thread time, most of it turning doubles into text;
 * with the cache a score record is written in about half the time, byte for byte the same.
 */
final class DoubleArrayWriter extends StdSerializer<double[]> {
    private static final long serialVersionUID = 1L;

    /** Slots of the direct-mapped cache (a power of two): about 300 KB per writing thread when full. */
    static final int SLOTS = 1 << 12;

    private static final ThreadLocal<Texts> TEXTS = ThreadLocal.withInitial(Texts::new);

    DoubleArrayWriter() {
        super(double[].class);
    }

    @Override
    public void serialize(final double[] values, final JsonGenerator gen, final SerializerProvider provider)
            throws IOException {
        final Texts texts = TEXTS.get();
        gen.writeStartArray(values, values.length);
        for (final double value : values) {
            if (Double.isFinite(value)) {
                gen.writeNumber(texts.of(value));
            } else {
                gen.writeNumber(value); // NaN and infinities as the generator's features say
            }
        }
        gen.writeEndArray();
    }

    @Override
    public boolean isEmpty(final SerializerProvider provider, final double[] value) {
        return value.length == 0;
    }

    /** The text of recently written values, one per slot; a slot holds the last value that hashed to it. */
    static final class Texts {
        private final long[] bits = new long[SLOTS];
        private final String[] texts = new String[SLOTS];

        String of(final double value) {
            final long b = Double.doubleToRawLongBits(value);
            final int slot = slot(b);
            final String cached = texts[slot];
            if (cached != null && bits[slot] == b) {
                return cached;
            }
            final String text = NumberOutput.toString(value, true);
            bits[slot] = b;
            texts[slot] = text;
            return text;
        }

        static int slot(final long bits) {
            int h = (int) (bits ^ (bits >>> 32));
            h = (h ^ (h >>> 16)) * 0x45d9f3b;
            return (h ^ (h >>> 16)) & (SLOTS - 1);
        }
    }
}
