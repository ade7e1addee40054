package io.tsfm.streams.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * The whole state of one segment's {@link DriftTracker} as plain arrays, so it can be stored as JSON in
 * a state store and restored after a restart or on another instance. Counts are indexed
 * {@code [feature ordinal][bin]}; times are epoch milliseconds, {@link #NO_TIME} when unset.
 *
 * @param sliceMs          the slice length the ring was built with
 * @param pinned           whether the reference is a pinned snapshot (never collects)
 * @param referenceStartMs first slice of the first-seen reference, or {@link #NO_TIME}
 * @param referenceEndMs   end (exclusive) of the first-seen reference, or {@link #NO_TIME}
 * @param reference        reference counts {@code [feature][bin]}
 * @param latestSliceMs    the latest slice any observation fell in, or {@link #NO_TIME}
 * @param sliceStartMs     start of the slice each ring slot holds, or {@link #NO_TIME} when empty
 * @param slices           ring counts {@code [slot][feature][bin]}
 */
public record DriftState(
        long sliceMs,
        boolean pinned,
        long referenceStartMs,
        long referenceEndMs,
        long[][] reference,
        long latestSliceMs,
        long[] sliceStartMs,
        long[][][] slices) {

    /** Marks an unset time. */
    public static final long NO_TIME = Long.MIN_VALUE;

    public DriftState {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(sliceStartMs, "sliceStartMs");
        Objects.requireNonNull(slices, "slices");
        if (slices.length != sliceStartMs.length) {
            throw new IllegalArgumentException(
                    "ring of " + slices.length + " slots but " + sliceStartMs.length + " slot starts");
        }
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof DriftState that
                && sliceMs == that.sliceMs
                && pinned == that.pinned
                && referenceStartMs == that.referenceStartMs
                && referenceEndMs == that.referenceEndMs
                && latestSliceMs == that.latestSliceMs
                && Arrays.deepEquals(reference, that.reference)
                && Arrays.equals(sliceStartMs, that.sliceStartMs)
                && Arrays.deepEquals(slices, that.slices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sliceMs, pinned, referenceStartMs, referenceEndMs, latestSliceMs)
                + 31 * Arrays.deepHashCode(reference)
                + 17 * Arrays.hashCode(sliceStartMs)
                + 7 * Arrays.deepHashCode(slices);
    }

    @Override
    public String toString() {
        return "DriftState[sliceMs=" + sliceMs + ", pinned=" + pinned + ", reference=" + referenceStartMs + ".."
                + referenceEndMs + " " + Arrays.deepToString(reference) + ", latestSliceMs=" + latestSliceMs
                + ", slots=" + sliceStartMs.length + "]";
    }
}
