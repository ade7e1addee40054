package io.tsfm.streams.drift;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Input drift of one segment: histograms of the {@link Feature}s over a rolling event-time window,
 * compared by {@link Psi} with a reference (the first {@link DriftSettings#reference()} of event time
 * seen, or a pinned snapshot).
 *
 * <p>The window is a ring of {@link DriftSettings#slices()} slices of {@link DriftSettings#slice()}:
 * an observation at event time t goes to the slice starting at {@code floor(t / slice) * slice}, and
 * the current window is every slice within one window of the latest slice seen. Everything depends on
 * event times and the order of observations only, never on the wall clock, so a replay of the same
 * input rebuilds the same state. An observation older than the window is left out of it (it may still
 * count toward the reference). The reference starts at the slice of the first observation and ends
 * one reference span later; once event time reaches its end it stops collecting and is "complete".
 *
 * <p>Not thread-safe: one tracker per segment and stream task, restored from and saved to a state store
 * with {@link #restore} and {@link #snapshot}. Histograms of trackers on other tasks can be added
 * ({@link Histogram#plus}) before {@link Psi#of}, because the bins are fixed.
 */
@SuppressWarnings("EnumOrdinal") // a feature's ordinal is its slot in the count arrays, stored in that order
public final class DriftTracker {

    private static final int FEATURES = Feature.values().length;

    private final DriftSettings settings;
    private final long sliceMs;
    private final int slots;
    private final long[][] reference;
    private final long[] sliceStartMs;
    private final long[][][] slices;
    private final boolean pinned;
    private long referenceStartMs;
    private long referenceEndMs;
    private long latestSliceMs;

    /** An empty tracker whose reference is the first {@code settings.reference()} of event time it sees. */
    public DriftTracker(final DriftSettings settings) {
        this(settings, false, emptyCounts());
    }

    private DriftTracker(final DriftSettings settings, final boolean pinned, final long[][] reference) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sliceMs = settings.sliceMs();
        this.slots = settings.slices();
        this.pinned = pinned;
        this.reference = reference;
        this.sliceStartMs = new long[slots];
        this.slices = new long[slots][][];
        for (int slot = 0; slot < slots; slot++) {
            sliceStartMs[slot] = DriftState.NO_TIME;
            slices[slot] = emptyCounts();
        }
        this.referenceStartMs = DriftState.NO_TIME;
        this.referenceEndMs = DriftState.NO_TIME;
        this.latestSliceMs = DriftState.NO_TIME;
    }

    /** An empty tracker comparing against a fixed reference, e.g. a snapshot of an earlier tracker's. */
    public static DriftTracker pinned(final DriftSettings settings, final Map<Feature, Histogram> reference) {
        final long[][] counts = emptyCounts();
        for (final Feature feature : Feature.values()) {
            final Histogram histogram = reference.get(feature);
            if (histogram == null || histogram.bins() != feature.bins().count()) {
                throw new IllegalArgumentException(
                        "pinned reference needs " + feature.bins().count() + " bins of " + feature.label());
            }
            counts[feature.ordinal()] = histogram.counts();
        }
        return new DriftTracker(settings, true, counts);
    }

    /**
     * A tracker continuing from {@code state}. When the state was built with another slice length or
     * window, its ring is dropped and the window refills from new observations; the reference is kept.
     *
     * @throws IllegalArgumentException when the state's counts do not fit the features' bins
     */
    public static DriftTracker restore(final DriftSettings settings, final DriftState state) {
        checkShape(state.reference(), "reference");
        final DriftTracker tracker = new DriftTracker(settings, state.pinned(), copy(state.reference()));
        tracker.referenceStartMs = state.referenceStartMs();
        tracker.referenceEndMs = state.referenceEndMs();
        tracker.latestSliceMs = state.latestSliceMs();
        if (state.sliceMs() == tracker.sliceMs && state.sliceStartMs().length == tracker.slots) {
            for (int slot = 0; slot < tracker.slots; slot++) {
                checkShape(state.slices()[slot], "slice " + slot);
                tracker.sliceStartMs[slot] = state.sliceStartMs()[slot];
                tracker.slices[slot] = copy(state.slices()[slot]);
            }
        }
        return tracker;
    }

    /** Adds one market's features at event time {@code eventTimeMs} (its cycle's as_of). */
    public void observe(final long eventTimeMs, final InputFeatures features) {
        final long slice = Math.floorDiv(eventTimeMs, sliceMs) * sliceMs;
        if (!pinned) {
            if (referenceStartMs == DriftState.NO_TIME) {
                referenceStartMs = slice;
                referenceEndMs = slice + settings.reference().toMillis();
            }
            if (slice >= referenceStartMs && slice < referenceEndMs) {
                add(reference, features);
            }
        }
        if (latestSliceMs == DriftState.NO_TIME || slice > latestSliceMs) {
            latestSliceMs = slice;
        }
        if (!inWindow(slice)) {
            return;
        }
        final int slot = (int) Math.floorMod(Math.floorDiv(slice, sliceMs), (long) slots);
        if (sliceStartMs[slot] != slice) {
            sliceStartMs[slot] = slice;
            slices[slot] = emptyCounts();
        }
        add(slices[slot], features);
    }

    /** Whether the reference is final: pinned, or event time has passed the end of the first-seen span. */
    public boolean referenceComplete() {
        return pinned || (referenceEndMs != DriftState.NO_TIME && latestSliceMs >= referenceEndMs);
    }

    public Histogram reference(final Feature feature) {
        return new Histogram(reference[feature.ordinal()]);
    }

    /** Every feature's reference, e.g. to {@link #pinned pin} it for a later tracker. */
    public Map<Feature, Histogram> referenceHistograms() {
        final Map<Feature, Histogram> out = new EnumMap<>(Feature.class);
        for (final Feature feature : Feature.values()) {
            out.put(feature, reference(feature));
        }
        return out;
    }

    /** Counts of the current window: the slices within one window of the latest slice seen. */
    public Histogram current(final Feature feature) {
        final long[] sum = new long[feature.bins().count()];
        for (int slot = 0; slot < slots; slot++) {
            if (sliceStartMs[slot] != DriftState.NO_TIME && inWindow(sliceStartMs[slot])) {
                final long[] counts = slices[slot][feature.ordinal()];
                for (int bin = 0; bin < sum.length; bin++) {
                    sum[bin] += counts[bin];
                }
            }
        }
        return new Histogram(sum);
    }

    /**
     * The PSI of the current window against the reference, once the reference is complete and both
     * sides hold at least {@link DriftSettings#minObservations()} observations; empty before.
     */
    public OptionalDouble psi(final Feature feature) {
        if (!referenceComplete()) {
            return OptionalDouble.empty();
        }
        final Histogram expected = reference(feature);
        final Histogram actual = current(feature);
        if (expected.total() < settings.minObservations() || actual.total() < settings.minObservations()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Psi.of(expected, actual));
    }

    /** The latest slice any observation fell in, or {@link DriftState#NO_TIME}. */
    public long latestSliceMs() {
        return latestSliceMs;
    }

    /** A copy of the whole state, for a state store. */
    public DriftState snapshot() {
        final long[][][] ring = new long[slots][][];
        for (int slot = 0; slot < slots; slot++) {
            ring[slot] = copy(slices[slot]);
        }
        return new DriftState(
                sliceMs,
                pinned,
                referenceStartMs,
                referenceEndMs,
                copy(reference),
                latestSliceMs,
                sliceStartMs.clone(),
                ring);
    }

    private boolean inWindow(final long sliceStart) {
        return sliceStart > latestSliceMs - (long) slots * sliceMs;
    }

    private static void add(final long[][] counts, final InputFeatures features) {
        for (final Feature feature : Feature.values()) {
            final double value = features.value(feature);
            if (!Double.isNaN(value)) {
                counts[feature.ordinal()][feature.bins().binOf(value)]++;
            }
        }
    }

    private static long[][] emptyCounts() {
        final long[][] counts = new long[FEATURES][];
        for (final Feature feature : Feature.values()) {
            counts[feature.ordinal()] = new long[feature.bins().count()];
        }
        return counts;
    }

    private static void checkShape(final long[][] counts, final String what) {
        boolean fits = counts != null && counts.length == FEATURES;
        for (int f = 0; fits && f < FEATURES; f++) {
            fits = counts[f] != null
                    && counts[f].length == Feature.values()[f].bins().count();
        }
        if (!fits) {
            throw new IllegalArgumentException("stored drift " + what + " does not fit the features' bins");
        }
    }

    private static long[][] copy(final long[][] counts) {
        final long[][] out = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i].clone();
        }
        return out;
    }
}
