package io.tsfm.streams.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * The forecast processor's in-memory copy, per market of its task, of the market state the tick path last
 * wrote to or read from the store. The state holds the market's open step, so a tick in that step (the
 * usual case: liquid markets tick several times a step) reads no store, only writes. The store stays the
 * truth: the copy is filled lazily from it, dropped when the processor is (re-)initialised (restart,
 * rebalance, a task revived after a failed transaction), and cleared whole when it grows past
 * {@link #MAX_MARKETS}.
 */
final class TickCache {
    /** About 100 bytes per market; past this many the copy starts over (the store answers meanwhile). */
    static final int MAX_MARKETS = 200_000;

    private final Map<String, MarketState> states = new HashMap<>();

    /** The market's state, or null when it is not (or no longer) in the copy. */
    MarketState get(final String marketId) {
        return states.get(marketId);
    }

    /** Records what the store now holds for the market. */
    void put(final String marketId, final MarketState state) {
        if (states.size() >= MAX_MARKETS && !states.containsKey(marketId)) {
            states.clear();
        }
        states.put(marketId, state);
    }

    void clear() {
        states.clear();
    }
}
