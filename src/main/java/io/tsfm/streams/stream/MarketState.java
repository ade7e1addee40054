package io.tsfm.streams.stream;

import io.tsfm.streams.domain.StepClose;

/**
 * Per market: when it was first seen, the first tick of its latest step (event time, moved once per step),
 * and the close of that open step, which stays here, one cached key per market, until the market leaves
 * the step and it goes to the step store. Lists a task's markets for each cycle and expires markets silent
 * for longer than the step store keeps. {@code openStepMs} and {@code open} are null in states written
 * before the open step lived here (the step store then holds it).
 */
public record MarketState(long firstSeenMs, long lastTickMs, Long openStepMs, StepClose open) {

    public MarketState(final long firstSeenMs, final long lastTickMs) {
        this(firstSeenMs, lastTickMs, null, null);
    }

    public MarketState withTick(final long tsMs) {
        return new MarketState(Math.min(firstSeenMs, tsMs), Math.max(lastTickMs, tsMs), openStepMs, open);
    }

    /** This state with {@code close} as the close of the open step starting at {@code stepMs}. */
    public MarketState withOpen(final long stepMs, final StepClose close) {
        return new MarketState(firstSeenMs, lastTickMs, stepMs, close);
    }
}
