package io.tsfm.streams.stream.serde;

import static io.tsfm.streams.json.BinaryFields.bytes;
import static io.tsfm.streams.json.BinaryFields.doubles;
import static io.tsfm.streams.json.BinaryFields.longs;
import static io.tsfm.streams.json.BinaryFields.matrix;
import static io.tsfm.streams.json.BinaryFields.put;
import static io.tsfm.streams.json.BinaryFields.size;
import static io.tsfm.streams.json.BinaryFields.text;

import io.tsfm.streams.domain.CalibrationMeta;
import io.tsfm.streams.domain.OpenForecast;
import io.tsfm.streams.json.CompactSerde;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Serde of {@link OpenForecast}, written for every served forecast while the cycle's answers are drained, where
 * JSON showed in profiles: {@link CompactSerde}'s format byte, then the fields in declaration order, texts and
 * arrays as {@link io.tsfm.streams.json.BinaryFields} lays them out, a boolean and the calibration's presence one
 * byte each. A 12-step forecast takes about 1.7 KB instead of about 3.8 KB of JSON, with no number formatting or
 * parsing. JSON values of earlier versions are still read; they leave the store when they are scored (within
 * the horizon).
 */
public final class OpenForecastSerde extends CompactSerde<OpenForecast> {
    public OpenForecastSerde() {
        super(OpenForecast.class);
    }

    @Override
    protected byte[] encode(final OpenForecast f) {
        final byte[][] texts = {
            bytes(f.marketId()),
            bytes(f.runtime()),
            bytes(f.modelName()),
            bytes(f.fallbackReason()),
            bytes(f.segment()),
            bytes(f.cell())
        };
        final CalibrationMeta c = f.calibration();
        final byte[][] meta =
                c == null ? new byte[0][] : new byte[][] {bytes(c.status()), bytes(c.method()), bytes(c.segment())};
        int size = Long.BYTES
                + 2 * Double.BYTES
                + 2
                + size(f.levels())
                + size(f.base())
                + size(f.served())
                + size(f.servedLower())
                + size(f.servedUpper())
                + size(f.standbyBase());
        for (final byte[] t : texts) {
            size += size(t);
        }
        if (c != null) {
            for (final byte[] t : meta) {
                size += size(t);
            }
            size += Integer.BYTES + size(c.scale()) + size(c.scaleLower()) + size(c.scaleUpper()) + size(c.samples());
        }
        final ByteBuffer out = ByteBuffer.allocate(1 + size).put(FORMAT_V1);
        put(out, texts[0]).putLong(f.asOfMs());
        put(out, texts[1]);
        put(out, texts[2]);
        put(out, texts[3]);
        put(out, texts[4]).putDouble(f.anchor());
        put(out, f.levels());
        put(out, f.base());
        put(out, f.served());
        out.put((byte) (c == null ? 0 : 1));
        if (c != null) {
            put(out, meta[0]);
            put(out, meta[1]);
            put(out, meta[2]).putInt(c.appliedSteps());
            put(out, c.scale());
            put(out, c.scaleLower());
            put(out, c.scaleUpper());
            put(out, c.samples());
        }
        out.put((byte) (f.shadow() ? 1 : 0));
        put(out, texts[5]).putDouble(f.tick());
        put(out, f.servedLower());
        put(out, f.servedUpper());
        put(out, f.standbyBase());
        return out.array();
    }

    @Override
    protected OpenForecast decode(final ByteBuffer in) {
        final String marketId = text(in);
        final long asOfMs = in.getLong();
        final String runtime = text(in);
        final String modelName = text(in);
        final String fallbackReason = text(in);
        final String segment = text(in);
        final double anchor = in.getDouble();
        final double[] levels = doubles(in);
        final double[][] base = matrix(in);
        final double[][] served = matrix(in);
        final CalibrationMeta calibration = in.get() == 0
                ? null
                : new CalibrationMeta(
                        text(in), text(in), text(in), in.getInt(), doubles(in), doubles(in), doubles(in), longs(in));
        final boolean shadow = in.get() != 0;
        final String cell = text(in);
        final double tick = in.getDouble();
        final OpenForecast f = new OpenForecast(
                marketId,
                asOfMs,
                runtime,
                modelName,
                fallbackReason,
                segment,
                anchor,
                levels,
                base,
                served,
                calibration,
                shadow,
                cell,
                tick,
                doubles(in),
                doubles(in),
                matrix(in));
        if (in.hasRemaining()) {
            throw new BufferUnderflowException(); // bytes past the layout: not a value this serde wrote
        }
        return f;
    }
}
