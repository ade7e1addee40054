package io.tsfm.streams.score;

import io.tsfm.streams.domain.BandScore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up one scoring pass's step scores per metric label set, so a cycle that scores thousands of
 * forecasts touches each meter once instead of once per step.
 */
public final class ScoreTally {
    public static final String SERVED = "served";
    public static final String UNCALIBRATED = "uncalibrated";
    public static final String SHADOW = "shadow";
    public static final String SHADOW_UNCALIBRATED = "shadow_uncalibrated";

    /** One label set: runtime, model, segment (liquidity|motion), horizon bucket, band. */
    public record Labels(String runtime, String model, String segment, String horizon, String band) {}

    /** Steps inside, below, above; summed mean pinball; summed width. */
    public static final class Sums {
        public long inside;
        public long below;
        public long above;
        public double pinball;
        public double width;
    }

    private final Map<Labels, Sums> sums = new LinkedHashMap<>();
    private final Map<String, Long> forecasts = new LinkedHashMap<>();

    /**
     * Adds one forecast's step scores to the sums of its labels.
     *
     * @param shadow a shadow forecast: its bands are labelled {@code shadow} / {@code shadow_uncalibrated}
     *               and it does not count as a scored (served) forecast
     */
    public void add(
            final String runtime,
            final String model,
            final String segment,
            final List<BandScore> served,
            final List<BandScore> uncalibrated,
            final boolean shadow) {
        if (!shadow) {
            forecasts.merge(runtime, 1L, Long::sum);
        }
        add(runtime, model, segment, shadow ? SHADOW : SERVED, served);
        add(runtime, model, segment, shadow ? SHADOW_UNCALIBRATED : UNCALIBRATED, uncalibrated);
    }

    private void add(
            final String runtime,
            final String model,
            final String segment,
            final String band,
            final List<BandScore> scores) {
        for (int k = 0; k < scores.size(); k++) {
            final BandScore s = scores.get(k);
            final Sums t = sums.computeIfAbsent(
                    new Labels(runtime, model, segment, HorizonBucket.of(k + 1), band), l -> new Sums());
            switch (s.outcome()) {
                case INSIDE -> t.inside++;
                case BELOW -> t.below++;
                case ABOVE -> t.above++;
                default -> throw new IllegalStateException();
            }
            t.pinball += s.meanPinball();
            t.width += s.width();
        }
    }

    public Map<Labels, Sums> sums() {
        return sums;
    }

    /** Scored forecasts per runtime. */
    public Map<String, Long> forecasts() {
        return forecasts;
    }
}
