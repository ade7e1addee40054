package io.tsfm.streams.evaluate;

import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.Tick;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every market of a tick history on the grid, as the stream's step store would hold them once every tick
 * has arrived ({@link MarketSteps}, the newest tick of a step wins), with each market's first and last
 * tick: what the offline evaluation reads contexts and realised values from.
 */
public final class MarketHistory {

    /** One market: its steps and the event times of its first and last tick. */
    public record Market(MarketSteps steps, long firstTickMs, long lastTickMs) {}

    private final Map<String, Market> markets;
    private final long firstTickMs;
    private final long lastTickMs;

    private MarketHistory(final Map<String, Market> markets, final long firstTickMs, final long lastTickMs) {
        this.markets = Collections.unmodifiableMap(markets);
        this.firstTickMs = firstTickMs;
        this.lastTickMs = lastTickMs;
    }

    /** The ticks in any order; at least one. */
    public static MarketHistory of(final List<Tick> ticks, final Grid grid) {
        if (ticks.isEmpty()) {
            throw new IllegalArgumentException("no valid ticks");
        }
        final Map<String, long[]> spans = new HashMap<>();
        for (final Tick t : ticks) {
            final long[] span = spans.computeIfAbsent(t.marketId(), id -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            span[0] = Math.min(span[0], t.tsMs());
            span[1] = Math.max(span[1], t.tsMs());
        }
        final Map<String, Market> markets = new TreeMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (final Map.Entry<String, long[]> e : spans.entrySet()) {
            final long from = grid.stepStart(e.getValue()[0]);
            final int steps = (int) ((grid.stepStart(e.getValue()[1]) - from) / grid.stepMs()) + 1;
            markets.put(e.getKey(), new Market(new MarketSteps(grid, from, steps), e.getValue()[0], e.getValue()[1]));
            first = Math.min(first, e.getValue()[0]);
            last = Math.max(last, e.getValue()[1]);
        }
        for (final Tick t : ticks) {
            markets.get(t.marketId()).steps().add(t);
        }
        return new MarketHistory(markets, first, last);
    }

    /** Markets by id, ascending (the order the stream's market store iterates them in). */
    public Map<String, Market> markets() {
        return markets;
    }

    public long firstTickMs() {
        return firstTickMs;
    }

    public long lastTickMs() {
        return lastTickMs;
    }
}
