package io.tsfm.streams.stream.serde;

import static io.tsfm.streams.json.BinaryFields.bytes;
import static io.tsfm.streams.json.BinaryFields.doubles;
import static io.tsfm.streams.json.BinaryFields.longs;
import static io.tsfm.streams.json.BinaryFields.put;
import static io.tsfm.streams.json.BinaryFields.size;
import static io.tsfm.streams.json.BinaryFields.text;

import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.json.CompactSerde;
import io.tsfm.streams.stream.PendingJob;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Serde of {@link PendingJob}, written for every model job a cycle hands out, where its JSON (two calibration
 * snapshots of twelve steps) was a sixth of a cycle's stream-thread time: {@link CompactSerde}'s format byte, the
 * market id and as_of, then each snapshot behind a presence byte, its fields in declaration order as
 * {@link io.tsfm.streams.json.BinaryFields} lays them out (an earlier version's snapshot, without sides, keeps
 * its absent arrays). JSON values of earlier versions are still read; they leave the store with their job.
 */
public final class PendingJobSerde extends CompactSerde<PendingJob> {

    public PendingJobSerde() {
        super(PendingJob.class);
    }

    @Override
    protected byte[] encode(final PendingJob job) {
        final byte[] marketId = bytes(job.marketId());
        final byte[][] calibration = texts(job.calibration());
        final byte[][] fallback = texts(job.fallbackCalibration());
        final ByteBuffer out = ByteBuffer.allocate(1
                + size(marketId)
                + Long.BYTES
                + snapshotSize(job.calibration(), calibration)
                + snapshotSize(job.fallbackCalibration(), fallback));
        put(out.put(FORMAT_V1), marketId).putLong(job.asOfMs());
        putSnapshot(out, job.calibration(), calibration);
        putSnapshot(out, job.fallbackCalibration(), fallback);
        return out.array();
    }

    @Override
    protected PendingJob decode(final ByteBuffer in) {
        final PendingJob job = new PendingJob(text(in), in.getLong(), snapshot(in), snapshot(in));
        if (in.hasRemaining()) {
            throw new BufferUnderflowException(); // bytes past the layout: not a value this serde wrote
        }
        return job;
    }

    /** A snapshot's texts as UTF-8, once for both its size and its bytes; none for an absent snapshot. */
    private static byte[][] texts(final CalibrationSnapshot s) {
        return s == null ? null : new byte[][] {bytes(s.method()), bytes(s.segment()), bytes(s.cell())};
    }

    private static int snapshotSize(final CalibrationSnapshot s, final byte[][] texts) {
        if (s == null) {
            return 1;
        }
        return 1
                + size(texts[0])
                + size(texts[1])
                + size(texts[2])
                + size(s.lower())
                + size(s.upper())
                + size(s.samples())
                + size(s.flatLower())
                + size(s.flatUpper())
                + size(s.flatSamples())
                + Integer.BYTES;
    }

    private static void putSnapshot(final ByteBuffer out, final CalibrationSnapshot s, final byte[][] texts) {
        out.put((byte) (s == null ? 0 : 1));
        if (s == null) {
            return;
        }
        put(out, texts[0]);
        put(out, texts[1]);
        put(out, texts[2]);
        put(out, s.lower());
        put(out, s.upper());
        put(out, s.samples());
        put(out, s.flatLower());
        put(out, s.flatUpper());
        put(out, s.flatSamples());
        out.putInt(s.minSamples());
    }

    private static CalibrationSnapshot snapshot(final ByteBuffer in) {
        final byte present = in.get();
        if (present == 0) {
            return null;
        }
        if (present != 1) {
            throw new BufferUnderflowException(); // not a presence byte: not a value this serde wrote
        }
        return new CalibrationSnapshot(
                text(in),
                text(in),
                text(in),
                doubles(in),
                doubles(in),
                longs(in),
                doubles(in),
                doubles(in),
                longs(in),
                in.getInt());
    }
}
