package io.tsfm.streams.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairs each shadow forecast with the served forecast of the same market and as_of, whichever arrives
 * first, and hands the pair on once both are there. In memory only: a comparison lost in a crash is a
 * missing sample, never a wrong one.
 */
final class ShadowComparisons {

    /** One side of a pair: the last step's median, and the call latency when there was a call. */
    record Side(double lastMedian, Long latencyMs) {}

    /** A complete pair. */
    record Pair(String segment, Side served, Side shadow) {}

    private static final class Slot {
        String segment;
        Side served;
        Side shadow;
    }

    private final Map<String, Slot> open = new HashMap<>();

    /** A shadow job exists for {@code key}: its served forecast will be compared. */
    void expect(final String key, final String segment) {
        open.computeIfAbsent(key, k -> new Slot()).segment = segment;
    }

    /** The served forecast of {@code key}; returns the pair if the shadow side is already there. */
    Pair served(final String key, final Side side) {
        final Slot slot = open.get(key);
        if (slot == null) {
            return null;
        }
        slot.served = side;
        return complete(key, slot);
    }

    /** The shadow forecast of {@code key} (null side when the candidate failed: nothing to compare). */
    Pair shadow(final String key, final Side side) {
        final Slot slot = open.get(key);
        if (slot == null) {
            return null;
        }
        if (side == null) {
            open.remove(key);
            return null;
        }
        slot.shadow = side;
        return complete(key, slot);
    }

    private Pair complete(final String key, final Slot slot) {
        if (slot.served == null || slot.shadow == null) {
            return null;
        }
        open.remove(key);
        return new Pair(slot.segment, slot.served, slot.shadow);
    }
}
