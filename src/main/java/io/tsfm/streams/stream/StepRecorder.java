package io.tsfm.streams.stream;

import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.StepClose;
import io.tsfm.streams.domain.Tick;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The tick path: records a tick into its market's steps, the only writer of the step and market stores. The
 * open step's close lives in the market state (one cached key per market, so a market's ticks within a
 * commit interval are one write); a step the market leaves goes to the step store, and so does a late tick
 * into a step it has left.
 */
final class StepRecorder {
    private final Grid grid;
    private final long marketExpiryMs;
    private final TickCache cache = new TickCache();
    private WindowStore<String, StepClose> steps;
    private StepCache stepCache;
    private KeyValueStore<String, MarketState> markets;

    StepRecorder(final Grid grid, final long marketExpiryMs) {
        this.grid = grid;
        this.marketExpiryMs = marketExpiryMs;
    }

    void init(
            final WindowStore<String, StepClose> steps,
            final StepCache stepCache,
            final KeyValueStore<String, MarketState> markets) {
        this.cache.clear(); // the stores may have been restored or wiped since: they are the truth
        this.steps = steps;
        this.stepCache = stepCache;
        this.markets = markets;
    }

    /** @param lastBoundaryMs the last boundary whose cycle ran: it may have expired markets silent since */
    @SuppressWarnings("ReferenceEquality") // merge and withTick return the same object when nothing changed
    void record(final Tick tick, final long lastBoundaryMs) {
        final String marketId = tick.marketId();
        final long start = grid.stepStart(tick.tsMs());
        // the cached state is what the store holds (this is its only writer), so a tick in the market's open
        // step reads no store; a cycle deletes markets silent for longer than the expiry, and one that could
        // have done so since the state was cached makes the store answer
        final MarketState cached = cache.get(marketId);
        final MarketState market = cached != null && cached.lastTickMs() >= lastBoundaryMs - marketExpiryMs
                ? cached
                : markets.get(marketId);
        final long latestStep = market == null ? Long.MIN_VALUE : grid.stepStart(market.lastTickMs());
        final StepClose existing;
        if (market != null && market.open() != null && market.openStepMs() == start) {
            existing = market.open();
        } else if (market != null && start > latestStep) {
            existing = null; // the tick opens the market's latest step: no close can exist for it yet
        } else {
            existing = steps.fetch(marketId, start);
        }
        final StepClose updated = existing == null
                ? new StepClose(tick.pYes(), tick.tsMs(), tick.liquidityBucket())
                : existing.merge(tick.pYes(), tick.tsMs(), tick.liquidityBucket());
        MarketState now = market;
        if (market == null || start >= latestStep) {
            if (market != null && market.open() != null && start > market.openStepMs()) {
                put(marketId, market.open(), market.openStepMs());
            }
            final MarketState base = market == null
                    ? new MarketState(tick.tsMs(), tick.tsMs())
                    : start > latestStep ? market.withTick(tick.tsMs()) : market;
            if (updated != existing || base != market || market.open() == null) {
                now = base.withOpen(start, updated);
                markets.put(marketId, now);
            }
        } else if (updated != existing) {
            put(marketId, updated, start); // a late tick into a step the market has left
        }
        cache.put(marketId, now);
    }

    private void put(final String marketId, final StepClose close, final long stepStartMs) {
        steps.put(marketId, close, stepStartMs);
        stepCache.put(marketId, stepStartMs, close);
    }
}
