package io.tsfm.streams.report;

import io.tsfm.streams.domain.BandOutcome;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.score.HorizonBucket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Forecast quality of one period from the served forecasts' scores (shadow scores left out): coverage of
 * the served band, tail misses below and above it, and mean pinball loss, per model, segment and horizon
 * bucket; coverage per horizon step; and per model and segment the per-boundary loss series the regression
 * test compares.
 */
public record QualityFigures(
        List<Row> rows, double[] coverageByStep, long scoredForecasts, Map<String, double[]> lossSeries) {

    /** Coverage, share below and above the band, mean pinball, over the scored steps of one cell. */
    public record Row(
            String model,
            String segment,
            String horizon,
            long steps,
            double coverage,
            double below,
            double above,
            double pinball) {
        /** The cell's key: model, segment and horizon bucket. */
        public String key() {
            return model + "/" + segment + "/" + horizon;
        }
    }

    private static final String INSIDE = BandOutcome.INSIDE.label();
    private static final String BELOW = BandOutcome.BELOW.label();

    /** The key of a loss series: {@code model/segment}. */
    static String seriesKey(final String model, final String segment) {
        return model + "/" + segment;
    }

    public static QualityFigures of(final List<ForecastScore> scores) {
        final Map<String, double[]> cells = new TreeMap<>(); // steps, inside, below, above, pinball
        final double[] stepInside = new double[12];
        final double[] stepTotal = new double[12];
        // model/segment -> as_of -> [sum of mean pinball, forecasts]
        final Map<String, TreeMap<String, double[]>> perBoundary = new TreeMap<>();
        long scored = 0;
        for (final ForecastScore s : scores) {
            if (Boolean.TRUE.equals(s.shadow())) {
                continue;
            }
            scored++;
            final String segment = Segments.ofSegment(s.segment());
            for (final ForecastScore.Step step : s.steps()) {
                final double[] c = cells.computeIfAbsent(
                        s.modelName() + "\u0000" + segment + "\u0000" + HorizonBucket.of(step.step()),
                        k -> new double[5]);
                c[0]++;
                final String outcome = step.served().outcome();
                if (INSIDE.equals(outcome)) {
                    c[1]++;
                } else if (BELOW.equals(outcome)) {
                    c[2]++;
                } else {
                    c[3]++;
                }
                c[4] += step.served().meanPinball();
                if (step.step() >= 1 && step.step() <= stepTotal.length) {
                    stepTotal[step.step() - 1]++;
                    stepInside[step.step() - 1] += INSIDE.equals(step.served().outcome()) ? 1 : 0;
                }
            }
            final double[] b = perBoundary
                    .computeIfAbsent(seriesKey(s.modelName(), segment), k -> new TreeMap<>())
                    .computeIfAbsent(s.asOfTs(), k -> new double[2]);
            b[0] += s.served().meanPinball();
            b[1]++;
        }
        final List<Row> rows = new ArrayList<>();
        cells.forEach((k, c) -> {
            final String[] parts = k.split("\u0000", -1);
            rows.add(new Row(
                    parts[0], parts[1], parts[2], (long) c[0], c[1] / c[0], c[2] / c[0], c[3] / c[0], c[4] / c[0]));
        });
        final double[] byStep = new double[12];
        for (int i = 0; i < byStep.length; i++) {
            byStep[i] = stepTotal[i] == 0 ? Double.NaN : stepInside[i] / stepTotal[i];
        }
        final Map<String, double[]> series = new TreeMap<>();
        perBoundary.forEach((k, m) ->
                series.put(k, m.values().stream().mapToDouble(v -> v[0] / v[1]).toArray()));
        return new QualityFigures(rows, byStep, scored, series);
    }

    /**
     * The calibration objective's slices as far as the scores allow, hourly instead of every minute: at the end of
     * each hour of [from, to), per moving segment ({@code <bucket>|moving}), the served band's coverage over the
     * scored steps of the trailing 24 hours (by as_of; the previous period's scores supply the first day); a
     * slice with fewer than 1000 steps is not judged, and a judged one is good when the coverage is within
     * 75..85 %.
     *
     * @param scores the scores of both periods
     * @return {good slices, judged slices}
     */
    static double[] calibrationSlices(final List<ForecastScore> scores, final Instant from, final Instant to) {
        final Map<String, TreeMap<Long, long[]>> hourly = new TreeMap<>(); // segment -> hour -> {inside, total}
        for (final ForecastScore s : scores) {
            if (Boolean.TRUE.equals(s.shadow())
                    || s.segment() == null
                    || !s.segment().endsWith("|moving")) {
                continue;
            }
            final long hour =
                    Instant.parse(s.asOfTs()).truncatedTo(ChronoUnit.HOURS).getEpochSecond() / 3600;
            final long[] c =
                    hourly.computeIfAbsent(s.segment(), k -> new TreeMap<>()).computeIfAbsent(hour, k -> new long[2]);
            for (final ForecastScore.Step step : s.steps()) {
                c[1]++;
                c[0] += INSIDE.equals(step.served().outcome()) ? 1 : 0;
            }
        }
        double good = 0;
        double judged = 0;
        for (final TreeMap<Long, long[]> bySegment : hourly.values()) {
            for (long h = from.getEpochSecond() / 3600; h < (to.getEpochSecond() + 3599) / 3600; h++) {
                long inside = 0;
                long total = 0;
                for (final long[] c : bySegment.subMap(h - 23, true, h, true).values()) {
                    inside += c[0];
                    total += c[1];
                }
                if (total >= 1000) {
                    judged++;
                    final double coverage = (double) inside / total;
                    good += coverage >= SloSection.CALIBRATION_LOW && coverage <= SloSection.CALIBRATION_HIGH ? 1 : 0;
                }
            }
        }
        return new double[] {good, judged};
    }
}
