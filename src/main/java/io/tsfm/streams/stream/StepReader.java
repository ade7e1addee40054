package io.tsfm.streams.stream;

import io.tsfm.streams.domain.ObservedStep;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A market's step closes as contexts and scoring must see them: the step store (through its in-memory copy,
 * {@link StepCache}), with the market's open step on top (it lives in the market state until the market leaves
 * the step; see {@link MarketState}).
 */
final class StepReader {
    private final StepCache steps;
    private final KeyValueStore<String, MarketState> markets;

    StepReader(final StepCache steps, final KeyValueStore<String, MarketState> markets) {
        this.steps = steps;
        this.markets = markets;
    }

    /** Closes of the steps starting in {@code [fromStepMs, toStepMs]}, by step start. */
    List<ObservedStep> fetch(final String marketId, final long fromStepMs, final long toStepMs) {
        return fetch(marketId, markets.get(marketId), fromStepMs, toStepMs);
    }

    /** As {@link #fetch(String, long, long)}, with the market's state at hand. */
    List<ObservedStep> fetch(
            final String marketId, final MarketState market, final long fromStepMs, final long toStepMs) {
        final List<ObservedStep> out = steps.fetch(marketId, fromStepMs, toStepMs);
        if (market == null
                || market.open() == null
                || market.openStepMs() < fromStepMs
                || market.openStepMs() > toStepMs) {
            return out;
        }
        final long openStep = market.openStepMs();
        int i = out.size();
        while (i > 0 && out.get(i - 1).stepStartMs() >= openStep) {
            i--;
        }
        // the open close has merged whatever the step store held for its step (a state from before it moved)
        if (i < out.size() && out.get(i).stepStartMs() == openStep) {
            out.set(i, new ObservedStep(openStep, market.open()));
        } else {
            out.add(i, new ObservedStep(openStep, market.open()));
        }
        return out;
    }
}
