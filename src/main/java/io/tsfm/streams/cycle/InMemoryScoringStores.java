package io.tsfm.streams.cycle;

import io.tsfm.streams.calibrate.CalibratorState;
import io.tsfm.streams.domain.OpenForecast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@link ScoringStores}' open forecasts and calibrators in maps, for runs without Kafka state stores (the
 * offline evaluation, tests); a subclass says where closed steps come from.
 */
public abstract class InMemoryScoringStores implements ScoringStores {
    private final TreeMap<String, OpenForecast> open = new TreeMap<>();
    private final Map<String, CalibratorState> calibrators = new HashMap<>();

    @Override
    public void keep(final OpenForecast forecast) {
        open.put(forecast.key(), forecast);
    }

    @Override
    public List<OpenForecast> dueAtOrBefore(final long asOfMs, final int limit) {
        return open.headMap(OpenForecast.lastKeyAtOrBefore(asOfMs), true).values().stream()
                .limit(limit)
                .collect(Collectors.toCollection(ArrayList::new));
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
}
