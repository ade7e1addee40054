package io.tsfm.streams.report;

import io.tsfm.streams.domain.Transform;
import io.tsfm.streams.drift.Feature;
import io.tsfm.streams.drift.Histogram;
import io.tsfm.streams.drift.Psi;
import io.tsfm.streams.score.ForecastScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Input drift between two periods, PSI per segment and feature, over the same bins as the stream's drift
 * metric (Feature). The inputs are taken from what the score records carry, not from the tick topic: each
 * served forecast's first two realised grid values give the market's logit level and its 5-minute logit change
 * one step after as_of, once per market and boundary, so the report reads no tick history.
 */
public final class DriftFigures {
    private DriftFigures() {}

    /** One segment and feature: the PSI of this period against the previous and the values on each side. */
    public record Row(String segment, String feature, double psi, long previousValues, long currentValues) {}

    public static List<Row> of(final List<ForecastScore> previous, final List<ForecastScore> current) {
        final Map<String, List<double[]>> before = values(previous);
        final Map<String, List<double[]>> after = values(current);
        final List<Row> rows = new ArrayList<>();
        for (final String segment : after.keySet()) {
            final List<double[]> ref = before.getOrDefault(segment, List.of());
            final List<double[]> cur = after.get(segment);
            for (final Feature f : Feature.values()) {
                final int i = f == Feature.LOGIT_LEVEL ? 0 : 1;
                final Histogram h0 = Histogram.of(f.bins(), column(ref, i));
                final Histogram h1 = Histogram.of(f.bins(), column(cur, i));
                rows.add(new Row(segment, f.label(), Psi.of(h0, h1), h0.total(), h1.total()));
            }
        }
        return rows;
    }

    /** The largest PSI per segment, as a row (NaN PSIs, of empty periods, are left out). */
    public static Map<String, Row> worstBySegment(final List<Row> rows) {
        final Map<String, Row> worst = new TreeMap<>();
        for (final Row r : rows) {
            if (!Double.isNaN(r.psi())) {
                worst.merge(r.segment(), r, (a, b) -> b.psi() > a.psi() ? b : a);
            }
        }
        return worst;
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
