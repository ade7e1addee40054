package io.tsfm.streams.evaluate;

import io.tsfm.streams.calibrate.CalibratorState;
import io.tsfm.streams.cycle.ScoringStores;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.OpenForecast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link ScoringStores} in memory over a {@link MarketHistory}: the offline evaluation's stores. */
final class MapScoringStores implements ScoringStores {
    private final TreeMap<String, OpenForecast> open = new TreeMap<>();
    private final Map<String, CalibratorState> calibrators = new HashMap<>();
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
    public void keep(final OpenForecast forecast) {
        open.put(forecast.key(), forecast);
    }

    @Override
    public List<OpenForecast> dueAtOrBefore(final long asOfMs) {
        return new ArrayList<>(
                open.headMap(OpenForecast.lastKeyAtOrBefore(asOfMs), true).values());
    }

    @Override
    public void scored(final OpenForecast forecast) {
        open.remove(forecast.key());
    }

    @Override
    public CalibratorState calibrator(final String key) {
        return calibrators.get(key);
    }

    @Override
    public void calibrator(final String key, final CalibratorState state) {
        calibrators.put(key, state);
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
