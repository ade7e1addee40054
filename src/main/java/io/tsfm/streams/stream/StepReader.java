package io.tsfm.streams.stream;

import io.tsfm.streams.domain.StepClose;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A market's step closes as contexts and scoring must see them: the step store, with the market's open
 * step on top (it lives in the market state until the market leaves the step; see {@link MarketState}).
 */
final class StepReader {
    private final WindowStore<String, StepClose> steps;
    private final KeyValueStore<String, MarketState> markets;

    StepReader(final WindowStore<String, StepClose> steps, final KeyValueStore<String, MarketState> markets) {
        this.steps = steps;
        this.markets = markets;
    }

    /** Closes of the steps starting in {@code [fromStepMs, toStepMs]}, by step start. */
    List<KeyValue<Long, StepClose>> fetch(final String marketId, final long fromStepMs, final long toStepMs) {
        return fetch(marketId, markets.get(marketId), fromStepMs, toStepMs);
    }

    /** As {@link #fetch(String, long, long)}, with the market's state at hand. */
    List<KeyValue<Long, StepClose>> fetch(
            final String marketId, final MarketState market, final long fromStepMs, final long toStepMs) {
        final List<KeyValue<Long, StepClose>> out = new ArrayList<>();
        try (WindowStoreIterator<StepClose> it = steps.fetch(marketId, fromStepMs, toStepMs)) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        }
        if (market == null
                || market.open() == null
                || market.openStepMs() < fromStepMs
                || market.openStepMs() > toStepMs) {
            return out;
        }
        final long openStep = market.openStepMs();
        int i = out.size();
        while (i > 0 && out.get(i - 1).key >= openStep) {
            i--;
        }
        // the open close has merged whatever the step store held for its step (a state from before it moved)
        if (i < out.size() && out.get(i).key == openStep) {
            out.set(i, KeyValue.pair(openStep, market.open()));
        } else {
            out.add(i, KeyValue.pair(openStep, market.open()));
        }
        return out;
    }
}
