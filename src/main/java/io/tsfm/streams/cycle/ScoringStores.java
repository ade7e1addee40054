package io.tsfm.streams.cycle;

import io.tsfm.streams.calibrate.CalibratorState;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.OpenForecast;
import java.util.List;

/**
 * What scoring keeps from one boundary to the next, without Kafka: the forecasts waiting for their horizon,
 * the calibrators' states and the markets' step closes. The stream backs it with its state stores
 * ({@link KafkaScoringStores}), the offline evaluation with maps, so both score and calibrate through the
 * same {@link ForecastScoring}.
 */
public interface ScoringStores {

    /** Keeps a forecast until its horizon is realised. */
    void keep(OpenForecast forecast);

    /** The first {@code limit} kept forecasts made at or before {@code asOfMs}, in key order (as_of, then market). */
    List<OpenForecast> dueAtOrBefore(long asOfMs, int limit);

    /** Forgets a scored forecast. */
    void scored(OpenForecast forecast);

    /** A calibrator's state by key, or null when it has none yet. */
    CalibratorState calibrator(String key);

    void calibrator(String key, CalibratorState state);

    /** The market's observed steps starting in {@code [fromStepMs, toStepMs]}, ascending. */
    List<ObservedStep> steps(String marketId, long fromStepMs, long toStepMs);
}
