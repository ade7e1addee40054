package io.tsfm.streams.stream;

import io.tsfm.streams.calibrate.CalibratorState;
import io.tsfm.streams.cycle.ScoringStores;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.OpenForecast;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** {@link ScoringStores} over the task's {@code open-forecasts} and {@code calibration} stores and its steps. */
final class KafkaScoringStores implements ScoringStores {
    private final KeyValueStore<String, OpenForecast> open;
    private final KeyValueStore<String, CalibratorState> calibration;
    private final StepReader steps;

    KafkaScoringStores(
            final KeyValueStore<String, OpenForecast> open,
            final KeyValueStore<String, CalibratorState> calibration,
            final StepReader steps) {
        this.open = open;
        this.calibration = calibration;
        this.steps = steps;
    }

    @Override
    public void keep(final OpenForecast forecast) {
        open.put(forecast.key(), forecast);
    }

    @Override
    public List<OpenForecast> dueAtOrBefore(final long asOfMs, final int limit) {
        final List<OpenForecast> due = new ArrayList<>();
        try (KeyValueIterator<String, OpenForecast> it = open.range(null, OpenForecast.lastKeyAtOrBefore(asOfMs))) {
            while (it.hasNext() && due.size() < limit) {
                due.add(it.next().value);
            }
        }
        return due;
    }

    @Override
    public void scored(final OpenForecast forecast) {
        StoreWrites.remove(open, forecast.key());
    }

    @Override
    public CalibratorState calibrator(final String key) {
        return calibration.get(key);
    }

    @Override
    public void calibrator(final String key, final CalibratorState state) {
        calibration.put(key, state);
    }

    @Override
    public List<ObservedStep> steps(final String marketId, final long fromStepMs, final long toStepMs) {
        return steps.fetch(marketId, fromStepMs, toStepMs);
    }
}
