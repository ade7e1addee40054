package io.tsfm.streams.report;

import io.tsfm.streams.domain.Transform;
import io.tsfm.streams.drift.Feature;
import io.tsfm.streams.drift.Histogram;
import io.tsfm.streams.drift.Psi;
import io.tsfm.streams.score.ForecastScore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Input drift between two periods, PSI per segment and feature, over the same bins as the stream's drift
 * metric (Feature). The inputs are taken from what the score records carry, not from the tick topic: each
 * served forecast's first two realised grid values give the market's logit level and its 5-minute logit change
 * one step after as_of, once per market and boundary, so the report reads no tick history.
 */
public final class DriftFigures {
    private DriftFigures() {}

    /**
     * One segment and feature: the PSI of this period against the previous, the values and markets on each side,
     * and the PSI that chance alone gives so few markets ({@link #noise}).
     */
    public record Row(
            String segment,
            String feature,
            double psi,
            long previousValues,
            long currentValues,
            long previousMarkets,
            long currentMarkets,
            double noise) {}

    /**
     * The PSI two samples of the same distribution show on average: {@code (k - 1) * (1/n0 + 1/n1)} for {@code k}
     * bins holding values and samples of {@code n0} and {@code n1} (the chi-square approximation of PSI). For the
     * level, a market's values of a period are nearly one draw (a level moves little in a day), so n is the number
     * of markets, not of values: 15 markets on a side make chance alone give PSI near 1 over 8 bins. A 5-minute
     * change hardly depends on the one before, so for it n is the number of values.
     */
    static double noise(final Histogram a, final Histogram b, final long n0, final long n1) {
        if (n0 == 0 || n1 == 0) {
            return 0.0;
        }
        int bins = 0;
        for (int i = 0; i < a.bins(); i++) {
            bins += a.count(i) + b.count(i) > 0 ? 1 : 0;
        }
        return Math.max(0, bins - 1) * (1.0 / n0 + 1.0 / n1);
    }

    public static List<Row> of(final List<ForecastScore> previous, final List<ForecastScore> current) {
        final Map<String, List<double[]>> before = values(previous);
        final Map<String, List<double[]>> after = values(current);
        final Map<String, Long> marketsBefore = markets(previous);
        final Map<String, Long> marketsAfter = markets(current);
        final List<Row> rows = new ArrayList<>();
        for (final String segment : after.keySet()) {
            final List<double[]> ref = before.getOrDefault(segment, List.of());
            final List<double[]> cur = after.get(segment);
            for (final Feature f : Feature.values()) {
                final int i = f == Feature.LOGIT_LEVEL ? 0 : 1;
                final Histogram h0 = Histogram.of(f.bins(), column(ref, i));
                final Histogram h1 = Histogram.of(f.bins(), column(cur, i));
                final long m0 = marketsBefore.getOrDefault(segment, 0L);
                final long m1 = marketsAfter.getOrDefault(segment, 0L);
                final double noise =
                        f == Feature.LOGIT_LEVEL ? noise(h0, h1, m0, m1) : noise(h0, h1, h0.total(), h1.total());
                rows.add(new Row(segment, f.label(), Psi.of(h0, h1), h0.total(), h1.total(), m0, m1, noise));
            }
        }
        return rows;
    }

    /**
     * Per segment, the row whose PSI stands highest above its bar, {@code max(threshold, noise)} (NaN PSIs, of
     * empty periods, are left out).
     */
    public static Map<String, Row> worstBySegment(final List<Row> rows, final double threshold) {
        final Map<String, Row> worst = new TreeMap<>();
        for (final Row r : rows) {
            if (!Double.isNaN(r.psi())) {
                worst.merge(
                        r.segment(),
                        r,
                        (a, b) -> b.psi() - Math.max(threshold, b.noise()) > a.psi() - Math.max(threshold, a.noise())
                                ? b
                                : a);
            }
        }
        return worst;
    }

    private static Map<String, Long> markets(final List<ForecastScore> scores) {
        final Map<String, Set<String>> ids = new TreeMap<>();
        for (final ForecastScore s : scores) {
            if (!Boolean.TRUE.equals(s.shadow())) {
                ids.computeIfAbsent(Segments.ofSegment(s.segment()), k -> new HashSet<>())
                        .add(s.marketId());
            }
        }
        final Map<String, Long> out = new TreeMap<>();
        ids.forEach((k, v) -> out.put(k, (long) v.size()));
        return out;
    }

    private static Map<String, List<double[]>> values(final List<ForecastScore> scores) {
        final Transform logit = Transform.logit();
        final Map<String, List<double[]>> out = new TreeMap<>();
        for (final ForecastScore s : scores) {
            if (Boolean.TRUE.equals(s.shadow()) || s.steps().size() < 2) {
                continue;
            }
            final double level = logit.forward(s.steps().get(0).realised());
            final double change = logit.forward(s.steps().get(1).realised()) - level;
            out.computeIfAbsent(Segments.ofSegment(s.segment()), k -> new ArrayList<>())
                    .add(new double[] {level, change});
        }
        return out;
    }

    private static double[] column(final List<double[]> values, final int i) {
        return values.stream().mapToDouble(v -> v[i]).toArray();
    }
}
