package io.tsfm.streams.forecast;

/**
 * Per market: when it was first seen and the first tick of its latest step (event time, updated once per
 * step). Lists a task's markets for each cycle and expires markets silent for longer than the step store keeps.
 */
public record MarketState(long firstSeenMs, long lastTickMs) {

    public MarketState withTick(final long tsMs) {
        return new MarketState(Math.min(firstSeenMs, tsMs), Math.max(lastTickMs, tsMs));
    }
}
