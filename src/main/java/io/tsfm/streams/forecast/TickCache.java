package io.tsfm.streams.forecast;

import io.tsfm.streams.context.StepClose;
import java.util.HashMap;
import java.util.Map;

/**
 * The forecast processor's in-memory copy, per market of its task, of what the tick path last wrote to or
 * read from the stores: the close of the market's latest step and its market state. A tick in the same
 * step as the one before it (the usual case: liquid markets tick several times a step) then needs no store
 * read, only the write. The stores stay the truth: the copy is filled lazily from them, dropped when the
 * processor is (re-)initialised (restart, rebalance, a task revived after a failed transaction), and
 * cleared whole when it grows past {@link #MAX_MARKETS}.
 */
final class TickCache {
    /** About 100 bytes per market; past this many the copy starts over (the stores answer meanwhile). */
    static final int MAX_MARKETS = 200_000;

    /** What the stores hold for one market: the close of step {@code stepStart} and the market state. */
    static final class Entry {
        long stepStart;
        StepClose close;
        MarketState market;
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** The market's entry, or null when it is not (or no longer) in the copy. */
    Entry get(final String marketId) {
        return entries.get(marketId);
    }

    /** Records what the stores now hold for the market; only the latest step's close is kept. */
    void put(final String marketId, final Entry known, final long stepStart, final StepClose close,
             final MarketState market) {
        Entry e = known;
        if (e == null) {
            if (entries.size() >= MAX_MARKETS) {
                entries.clear();
            }
            e = new Entry();
            e.stepStart = Long.MIN_VALUE;
            entries.put(marketId, e);
        }
        if (stepStart >= e.stepStart) {
            e.stepStart = stepStart;
            e.close = close;
        }
        e.market = market;
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
