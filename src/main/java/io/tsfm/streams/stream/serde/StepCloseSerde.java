package io.tsfm.streams.stream.serde;

import io.tsfm.streams.domain.StepClose;
import io.tsfm.streams.json.CompactSerde;
import java.nio.ByteBuffer;

/**
 * Serde of the step store's values, read for every step of every context: {@link CompactSerde}'s format
 * byte, then the close: {@code p} (8-byte IEEE double), {@code ts_ms} (8 bytes) and the liquidity bucket as
 * UTF-8 to the end (no bytes: no bucket). 17 bytes plus the bucket instead of about 50 bytes of JSON, and
 * no text to parse. JSON values of earlier versions ({@code {"p":..,"ts_ms":..,"bucket":..}}) are still
 * read; they age out with the store's retention (about a day).
 */
public final class StepCloseSerde extends CompactSerde<StepClose> {
    /** The fixed part of a close's layout, before its bucket. */
    public static final int CLOSE_FIXED = Double.BYTES + Long.BYTES;

    public StepCloseSerde() {
        super(StepClose.class);
    }

    @Override
    protected byte[] encode(final StepClose close) {
        final byte[] bucket = utf8(close.bucket());
        return putClose(ByteBuffer.allocate(1 + CLOSE_FIXED + bucket.length).put(FORMAT_V1), close, bucket)
                .array();
    }

    @Override
    protected StepClose decode(final ByteBuffer in) {
        return getClose(in);
    }

    /** Writes a close's layout, its bucket ({@link #utf8} of it) last; other values embed it at their end. */
    public static ByteBuffer putClose(final ByteBuffer out, final StepClose close, final byte[] bucket) {
        return out.putDouble(close.p()).putLong(close.tsMs()).put(bucket);
    }

    /** Reads a close's layout, to the end of {@code in}. */
    public static StepClose getClose(final ByteBuffer in) {
        final double p = in.getDouble();
        final long tsMs = in.getLong();
        return new StepClose(p, tsMs, restAsUtf8(in));
    }
}
