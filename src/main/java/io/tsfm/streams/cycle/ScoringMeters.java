package io.tsfm.streams.cycle;

/**
 * What scoring and calibration count, declared here so that the core needs no metrics library: the ops layer
 * implements it with Micrometer, the offline evaluation with {@link #NONE}.
 */
public interface ScoringMeters {

    /** Counts nothing: for runs nobody scrapes (the offline evaluation, tests). */
    ScoringMeters NONE = new None();

    /** The no-op meters, open to extension by the layers above that count nothing too. */
    class None implements ScoringMeters {
        @Override
        public void forecastsScored(final String runtime, final long count) {}

        @Override
        public void scoredSteps(
                final String runtime,
                final String model,
                final String segment,
                final String horizon,
                final String band,
                final String outcome,
                final long count) {}

        @Override
        public void scoreLoss(
                final String runtime,
                final String model,
                final String segment,
                final String horizon,
                final String band,
                final double pinballSum,
                final double widthSum) {}

        @Override
        public void calibrationScale(
                final String model, final String segment, final String horizon, final double scale) {}
    }

    /** Forecasts whose horizon was realised and scored, by runtime. */
    void forecastsScored(String runtime, long count);

    /**
     * Scored horizon steps of one label set: {@code count} steps with the given outcome (inside, below, above)
     * of the served or uncalibrated band.
     */
    void scoredSteps(
            String runtime, String model, String segment, String horizon, String band, String outcome, long count);

    /** The summed mean pinball loss and summed band width of one label set's scored steps. */
    void scoreLoss(
            String runtime,
            String model,
            String segment,
            String horizon,
            String band,
            double pinballSum,
            double widthSum);

    /** The width scale served to a model's segment at a horizon bucket in one cycle (1 = uncalibrated). */
    void calibrationScale(String model, String segment, String horizon, double scale);
}
