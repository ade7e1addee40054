package io.tsfm.streams.evaluate;

/**
 * A forecaster's summary over a set of (forecast, step) pairs: what the docs table shows.
 *
 * @param pairs          scored (forecast, horizon step) pairs
 * @param levels         the quantile levels, ascending
 * @param pinballByLevel mean pinball loss of each level, same order as {@code levels}
 * @param pinball        mean of {@code pinballByLevel}
 * @param coverage       share of realised values inside [lowest, highest] quantile
 * @param width          mean width of that band
 */
public record Scores(long pairs, double[] levels, double[] pinballByLevel, double pinball, double coverage,
                     double width) {

    public Scores {
        levels = levels.clone();
        pinballByLevel = pinballByLevel.clone();
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    @Override
    public double[] pinballByLevel() {
        return pinballByLevel.clone();
    }
}
