package io.tsfm.streams.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a calibration evaluation: the options, the periods, how many contexts were forecast and
 * why others were skipped, and every forecaster's scores per served band.
 *
 * @param options     what was run
 * @param levels      the quantile levels; the band is the lowest to the highest
 * @param periods     the event-time periods (the same for every seed)
 * @param contexts    market contexts forecast by every forecaster, over all seeds, warm-up included
 * @param gated       contexts skipped by a gate, by fallback reason
 * @param forecasters results per forecaster: local-ets-damped, then the EWMA baseline
 */
public record CalibrationResult(CalibrationOptions options, double[] levels, Periods periods, long contexts,
                                Map<String, Long> gated,
                                List<ForecasterCalibration> forecasters) {

    /** Coverage the served q10..q90 band must reach. */
    public static final double TARGET = CalibrationMethod.TARGET;
    /** The tolerance around the target: 80 % +/- 2 %. */
    public static final double TOLERANCE = 0.02;

    public CalibrationResult {
        levels = levels.clone();
        gated = Collections.unmodifiableMap(new TreeMap<>(gated));
        forecasters = List.copyOf(forecasters);
    }

    /**
     * ISO instants of the run's periods: forecasts from {@code scoredFrom} are reported; the offline
     * conformal is fitted on reported forecasts realised by {@code conformalFitUntil} and tested on
     * forecasts from {@code holdoutFrom}; the last forecast is made at {@code lastAsOf}.
     */
    public record Periods(String start, String scoredFrom, String conformalFitUntil, String holdoutFrom,
                          String lastAsOf, String end) {
    }

    /**
     * The method the numbers favour, and the ranking behind it (best first).
     *
     * @param method  the chosen online method
     * @param ranking every candidate method with its figures, best first
     */
    public record Recommendation(String method, List<Ranked> ranking) {
        public Recommendation {
            ranking = List.copyOf(ranking);
        }

        public Ranked best() {
            return ranking.get(0);
        }
    }

    /**
     * One online method's figures on moving markets, over the forecasters.
     *
     * @param method              the method
     * @param fewestStepsInTarget smallest number of horizon steps covering 80 % +/- 2 %, reported period
     * @param fewestStepsInTargetHoldout the same over the holdout (the second half of the reported period)
     * @param pinballNoWorseFor   forecasters whose mean pinball loss is no worse than uncalibrated, reported period
     * @param worstPinballChange  largest relative pinball change vs uncalibrated, reported period (+0.01 = 1 % worse)
     * @param worstMeanDeviation  largest mean |coverage - 0.8| over the horizon steps, reported period
     */
    public record Ranked(String method, int fewestStepsInTarget, int fewestStepsInTargetHoldout,
                         int pinballNoWorseFor, double worstPinballChange, double worstMeanDeviation) {

        /** Steps in target in both halves: the smaller of the two counts. */
        public int stepsInTargetThroughout() {
            return Math.min(fewestStepsInTarget, fewestStepsInTargetHoldout);
        }
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    public ForecasterCalibration forecaster(final String name) {
        return forecasters.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no forecaster " + name));
    }

    /**
     * The rule that picks the default, on moving markets, following the goal (80 % +/- 2 % per horizon
     * step after warm-up, pinball loss no worse than uncalibrated). Rank the online methods (with
     * {@code includeServedError} false, only those fed the stream's base-band error) by, in order:
     * <ol>
     *   <li>the fewest horizon steps in 80 % +/- 2 % over the forecasters, counted in the reported period and in
     *       its second half and taking the smaller (more is better: the goal must hold, and keep holding);</li>
     *   <li>how many forecasters keep a pinball loss no worse than uncalibrated (more is better);</li>
     *   <li>the largest relative pinball change over the forecasters (smaller is better);</li>
     *   <li>the largest mean |coverage - 0.8| over the horizon steps (smaller is better).</li>
     * </ol>
     */
    public Recommendation recommendation(final boolean includeServedError) {
        final List<Ranked> ranking = new ArrayList<>();
        for (final MethodScores first : forecasters.get(0).scored()) {
            final String method = first.method();
            if (method.equals(CalibrationMethod.UNCALIBRATED) || method.equals(CalibrationMethod.MINIMUM_WIDTH)
                    || (!includeServedError && method.endsWith(CalibrationMethod.SERVED_ERROR_SUFFIX))) {
                continue;
            }
            int noWorse = 0;
            double worstChange = Double.NEGATIVE_INFINITY;
            double worstDeviation = 0.0;
            int fewest = Integer.MAX_VALUE;
            int fewestHoldout = Integer.MAX_VALUE;
            for (final ForecasterCalibration f : forecasters) {
                final MethodScores m = f.scored(method);
                final double uncalibrated = f.scored(CalibrationMethod.UNCALIBRATED).moving().pinball();
                noWorse += m.moving().pinball() <= uncalibrated ? 1 : 0;
                worstChange = Math.max(worstChange, m.moving().pinball() / uncalibrated - 1.0);
                worstDeviation = Math.max(worstDeviation, m.movingMeanDeviation(TARGET));
                fewest = Math.min(fewest, m.movingStepsWithin(TARGET, TOLERANCE));
                fewestHoldout = Math.min(fewestHoldout, f.holdout(method).movingStepsWithin(TARGET, TOLERANCE));
            }
            ranking.add(new Ranked(method, fewest, fewestHoldout, noWorse, worstChange, worstDeviation));
        }
        ranking.sort(Comparator.comparingInt((Ranked r) -> -r.stepsInTargetThroughout())
                .thenComparingInt(r -> -r.pinballNoWorseFor())
                .thenComparingDouble(Ranked::worstPinballChange)
                .thenComparingDouble(Ranked::worstMeanDeviation));
        return new Recommendation(ranking.get(0).method(), ranking);
    }
}
