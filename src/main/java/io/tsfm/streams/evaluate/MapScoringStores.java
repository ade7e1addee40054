package io.tsfm.streams.evaluate;

import io.tsfm.streams.cycle.InMemoryScoringStores;
import io.tsfm.streams.domain.ObservedStep;
import java.util.List;

/** Scoring's stores in memory over a {@link MarketHistory}: the offline evaluation's, with no look-ahead. */
final class MapScoringStores extends InMemoryScoringStores {
    private final MarketHistory history;
    /** The boundary being worked on: no step closing after it may be read (no look-ahead). */
    private long boundaryMs = Long.MIN_VALUE;

    MapScoringStores(final MarketHistory history) {
        this.history = history;
    }

    /** The evaluation reached this boundary: steps that close by then are known, later ones are not. */
    void advanceTo(final long boundary) {
        this.boundaryMs = boundary;
    }

    @Override
    public List<ObservedStep> steps(final String marketId, final long fromStepMs, final long toStepMs) {
        if (toStepMs >= boundaryMs) {
            throw new IllegalStateException("look-ahead: step " + toStepMs + " is not closed at " + boundaryMs);
        }
        final MarketHistory.Market market = history.markets().get(marketId);
        return market == null ? List.of() : market.steps().observed(fromStepMs, toStepMs);
    }
}
