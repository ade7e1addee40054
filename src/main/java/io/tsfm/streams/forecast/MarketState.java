package io.tsfm.streams.forecast;

/** Per market: when it was first and last seen (event time). Lists a task's markets for each cycle. */
public record MarketState(long firstSeenMs, long lastTickMs) {

    public MarketState withTick(final long tsMs) {
        return new MarketState(Math.min(firstSeenMs, tsMs), Math.max(lastTickMs, tsMs));
    }
}
