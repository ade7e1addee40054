package io.tsfm.streams.forecaster.model;

import java.util.List;

/**
 * What a {@link LocalModel} sees of one validated series: kept separate from the wire request so
 * models stay free of HTTP and JSON concerns.
 *
 * @param freq       the request's pandas frequency alias ("5min", "auto", ...)
 * @param timestamps the series' timestamps as sent
 * @param target     the finite target values, same length as timestamps
 * @param horizon    steps to forecast, > 0
 * @param levels     requested quantile levels, strictly ascending, possibly empty
 */
public record ModelInput(String freq, List<String> timestamps, double[] target, int horizon, double[] levels) {

    public ModelInput {
        timestamps = List.copyOf(timestamps);
        target = target.clone();
        levels = levels.clone();
        if (horizon <= 0) {
            throw new IllegalArgumentException("horizon must be > 0: " + horizon);
        }
        if (target.length == 0) {
            throw new IllegalArgumentException("target must not be empty");
        }
    }

    public double lastValue() {
        return target[target.length - 1];
    }

    public String lastTimestamp() {
        return timestamps.isEmpty() ? null : timestamps.get(timestamps.size() - 1);
    }

    /**
     * The first forecast step's timestamp: the last one plus one step of {@code freq} (a fixed alias, or for
     * "auto" the spacing of the last three timestamps); the last timestamp when no step can be told.
     */
    public String nextTimestamp() {
        return TimeSteps.step(freq, timestamps)
                .flatMap(step -> TimeSteps.advance(lastTimestamp(), step))
                .orElse(lastTimestamp());
    }
}
