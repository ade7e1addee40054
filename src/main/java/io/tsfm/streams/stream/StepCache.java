package io.tsfm.streams.stream;

import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.StepClose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The forecast processor's in-memory copy, per market of its task, of the step store's most recent closes,
 * so that a cycle's contexts and scoring read no window store (reading 288 steps back from RocksDB per market
 * was 40 % of a cycle's stream-thread time). The store stays the truth: a market's copy is loaded from it
 * on first use, every write the tick path makes to the store is made here too, and the whole copy is
 * dropped when the processor is (re-)initialised (restart, rebalance, a task revived after a failed
 * transaction). Past {@link #MAX_MARKETS} markets a task's further markets are read from the store.
 */
final class StepCache {
    /** About 16 bytes per step kept: 5 KB per market at the defaults (288 + 13 + 1 + 24 steps). */
    static final int MAX_MARKETS = 50_000;

    /** The step store: closes of the steps starting in {@code [fromStepMs, toStepMs]}, by step start. */
    @FunctionalInterface
    interface Store {
        List<ObservedStep> fetch(String marketId, long fromStepMs, long toStepMs);
    }

    private final long stepMs;
    private final int capacity;
    private final int maxMarkets;
    private final Store store;
    private final Map<String, Ring> rings = new HashMap<>();
    /** One instance per bucket text, so that kept steps share it (ticks parse a new one each). */
    private final Map<String, String> buckets = new HashMap<>();

    /**
     * @param capacity steps kept per market, ending at its latest stored step: at least those a context
     *     and the scoring of its boundary read, plus the steps a task's stream time can run ahead of it
     */
    StepCache(final long stepMs, final int capacity, final int maxMarkets, final Store store) {
        if (stepMs <= 0 || capacity < 1 || maxMarkets < 0) {
            throw new IllegalArgumentException("step, capacity and markets must be positive");
        }
        this.stepMs = stepMs;
        this.capacity = capacity;
        this.maxMarkets = maxMarkets;
        this.store = store;
    }

    /** The store's closes of the steps starting in {@code [fromStepMs, toStepMs]}, by step start. */
    List<ObservedStep> fetch(final String marketId, final long fromStepMs, final long toStepMs) {
        final Ring ring = rings.get(marketId);
        if (ring != null && aligned(fromStepMs) && ring.covers(index(fromStepMs))) {
            return ring.steps(index(fromStepMs), Math.floorDiv(toStepMs, stepMs));
        }
        if ((ring == null && rings.size() >= maxMarkets) || !aligned(fromStepMs)) {
            return store.fetch(marketId, fromStepMs, toStepMs);
        }
        // everything from the first step asked on, so that the copy holds all the store has from there
        final List<ObservedStep> stored = store.fetch(marketId, fromStepMs, Long.MAX_VALUE);
        final Ring loaded = load(fromStepMs, stored);
        if (loaded == null) {
            rings.remove(marketId);
        } else {
            rings.put(marketId, loaded);
        }
        final List<ObservedStep> out = new ArrayList<>(stored.size());
        for (final ObservedStep s : stored) {
            if (s.stepStartMs() <= toStepMs) {
                out.add(s);
            }
        }
        return out;
    }

    /** The store has just taken {@code close} for the market's step starting at {@code stepStartMs}. */
    void put(final String marketId, final long stepStartMs, final StepClose close) {
        final Ring ring = rings.get(marketId);
        if (ring != null && !ring.put(stepStartMs, close, canonical(close.bucket()))) {
            rings.remove(marketId); // a close the copy cannot hold: the store answers for this market
        }
    }

    /** The market is gone from the task (expired); its stored steps are read back should it return. */
    void forget(final String marketId) {
        rings.remove(marketId);
    }

    int markets() {
        return rings.size();
    }

    /** On this cache's grid: a store laid out by another step (changed without a reset) is read directly. */
    private boolean aligned(final long stepStartMs) {
        return stepStartMs % stepMs == 0;
    }

    private long index(final long stepStartMs) {
        return stepStartMs / stepMs;
    }

    /** The market's copy from {@code fromStepMs} on, or null when a stored close does not fit one. */
    private Ring load(final long fromStepMs, final List<ObservedStep> stored) {
        final long from = index(fromStepMs);
        final long newest = stored.isEmpty()
                ? from
                : Math.floorDiv(stored.get(stored.size() - 1).stepStartMs(), stepMs);
        final Ring ring = new Ring(Math.max(from, newest - capacity + 1));
        for (final ObservedStep s : stored) {
            if (!ring.put(s.stepStartMs(), s.close(), canonical(s.close().bucket()))) {
                return null;
            }
        }
        return ring;
    }

    private String canonical(final String bucket) {
        if (bucket == null) {
            return null;
        }
        final String known = buckets.get(bucket);
        if (known != null) {
            return known;
        }
        if (buckets.size() < 1_000) {
            buckets.put(bucket, bucket);
        }
        return bucket;
    }

    /**
     * One market's steps {@code [first, first + capacity)} by step index, exactly as the store holds them;
     * the store holds none after them (every write passes {@link #put}, and a later step moves the window).
     */
    private final class Ring {
        private static final int EMPTY = -1;
        private final double[] p = new double[capacity];
        /** A close's event time after its step start; {@link #EMPTY} where the store holds no close. */
        private final int[] offsetMs = new int[capacity];

        private final String[] bucket = new String[capacity];
        private long first;

        Ring(final long first) {
            this.first = first;
            Arrays.fill(offsetMs, EMPTY);
        }

        boolean covers(final long from) {
            return from >= first;
        }

        /** @return false when the close cannot be kept: a step start off the grid, or a close outside its step */
        boolean put(final long stepStartMs, final StepClose close, final String canonicalBucket) {
            final long offset = close.tsMs() - stepStartMs;
            if (!aligned(stepStartMs) || offset < 0 || offset >= stepMs || offset > Integer.MAX_VALUE) {
                return false;
            }
            final long index = index(stepStartMs);
            if (index < first) {
                return true; // older than the copy keeps: read from the store
            }
            if (index >= first + capacity) {
                final long next = index - capacity + 1;
                for (long i = Math.max(first + capacity, next); i < index; i++) {
                    offsetMs[slot(i)] = EMPTY; // steps that leave the window; those skipped never held one
                }
                first = next;
            }
            final int slot = slot(index);
            p[slot] = close.p();
            offsetMs[slot] = (int) offset;
            bucket[slot] = canonicalBucket;
            return true;
        }

        List<ObservedStep> steps(final long from, final long to) {
            final long last = Math.min(to, first + capacity - 1);
            // one slot to spare: the reader adds the market's open step on top
            final List<ObservedStep> out = new ArrayList<>((int) Math.max(0, Math.min(capacity, last - from + 1)) + 1);
            for (long i = from; i <= last; i++) {
                final int slot = slot(i);
                if (offsetMs[slot] != EMPTY) {
                    final long start = i * stepMs;
                    out.add(new ObservedStep(start, new StepClose(p[slot], start + offsetMs[slot], bucket[slot])));
                }
            }
            return out;
        }

        private int slot(final long index) {
            return (int) Math.floorMod(index, (long) capacity);
        }
    }
}
