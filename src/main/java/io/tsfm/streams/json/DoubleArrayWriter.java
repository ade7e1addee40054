package io.tsfm.streams.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonGeneratorImpl;
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

    /** Slots of the direct-mapped cache (a power of two): about 500 KB per writing thread when full. */
    static final int SLOTS = 1 << 12;

    private static final ThreadLocal<Texts> TEXTS = ThreadLocal.withInitial(Texts::new);

    /**
     * The last writing thread's cache, ahead of the thread-local lookup: a stream thread's thread-local map is
     * crowded, and its lookups were a tenth of a replay's JSON time. Immutable, so a thread that reads another
     * thread's holder only sees it is not its own.
     */
    private transient Owned last;

    DoubleArrayWriter() {
        super(double[].class);
    }

    @Override
    @SuppressWarnings("deprecation") // the generator's feature is the one JsonWriteFeature maps to
    public void serialize(final double[] values, final JsonGenerator gen, final SerializerProvider provider)
            throws IOException {
        final Texts texts = texts();
        // a cached text goes out as its bytes to a JSON text generator; as a number to anything else (a tree,
        // a token buffer: raw text would be an embedded object there), as a quoted string if the generator says
        final boolean raw =
                gen instanceof JsonGeneratorImpl && !gen.isEnabled(JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS);
        gen.writeStartArray(values, values.length);
        for (final double value : values) {
            if (Double.isFinite(value)) {
                final SerializedString text = texts.of(value);
                if (raw) {
                    gen.writeRawValue(text);
                } else {
                    gen.writeNumber(text.getValue());
                }
            } else {
                gen.writeNumber(value); // NaN and infinities as the generator's features say
            }
        }
        gen.writeEndArray();
    }

    private Texts texts() {
        final Thread current = Thread.currentThread();
        Owned owned = last;
        if (owned == null || owned.thread != current) {
            owned = new Owned(current, TEXTS.get());
            last = owned;
        }
        return owned.texts;
    }

    /** A thread and its cache. */
    private static final class Owned {
        private final Thread thread;
        private final Texts texts;

        Owned(final Thread thread, final Texts texts) {
            this.thread = thread;
            this.texts = texts;
        }
    }

    @Override
    public boolean isEmpty(final SerializerProvider provider, final double[] value) {
        return value.length == 0;
    }

    /** The text of recently written values, one per slot; a slot holds the last value that hashed to it. */
    static final class Texts {
        private final long[] bits = new long[SLOTS];
        private final SerializedString[] texts = new SerializedString[SLOTS];

        SerializedString of(final double value) {
            final long b = Double.doubleToRawLongBits(value);
            final int slot = slot(b);
            final SerializedString cached = texts[slot];
            if (cached != null && bits[slot] == b) {
                return cached;
            }
            final SerializedString text = new SerializedString(NumberOutput.toString(value, true));
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
