package io.tsfm.streams.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tsfm.streams.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables of a {@link HistoryEvaluation}: Markdown for people, JSON for scripts. */
public final class HistoryReport {
    private HistoryReport() {}

    /** Markdown: per slice (active, all) one row per method, then the served forecast step by step. */
    public static String markdown(final String title, final HistoryEvaluation.Result result) {
        final StringBuilder sb = new StringBuilder();
        final QualityTable table = result.table();
        sb.append("## ").append(title).append("\n\n");
        sb.append(String.format(
                Locale.ROOT,
                "%,d forecasts at boundaries %s .. %s; %,d points reported.%n%n",
                result.forecasts(),
                Instant.ofEpochMilli(result.firstBoundaryMs()),
                Instant.ofEpochMilli(result.lastBoundaryMs()),
                result.reported()));
        for (final String slice : List.of(QualityTable.ACTIVE, QualityTable.ALL)) {
            final QualityTable.Sums served = table.sums(slice, HistoryEvaluation.SERVED);
            sb.append(String.format(
                    Locale.ROOT,
                    "### %s points (%,d)%n%n",
                    slice.substring(0, 1).toUpperCase(Locale.ROOT) + slice.substring(1),
                    served.points()));
            if (served.points() == 0) {
                sb.append("None.\n\n");
                continue;
            }
            header(sb, served.horizon(), "method");
            for (final String method : table.methods()) {
                row(sb, method, table, slice, QualityTable.ALL, method);
            }
            sb.append('\n');
            sb.append("By what served them (the references on the same points in the relative columns):\n\n");
            header(sb, served.horizon(), "points");
            for (final String group : table.groups()) {
                row(
                        sb,
                        group
                                + String.format(
                                        Locale.ROOT,
                                        " (%,d)",
                                        table.sums(slice, group, HistoryEvaluation.SERVED)
                                                .points()),
                        table,
                        slice,
                        group,
                        HistoryEvaluation.SERVED);
            }
            sb.append('\n');
        }
        final QualityTable.Sums active = table.sums(QualityTable.ACTIVE, HistoryEvaluation.SERVED);
        if (active.points() > 0) {
            sb.append("### Served forecast per horizon step (active points)\n\n");
            sb.append(
                    "| step | coverage | below | above | pinball x1e3 | width pp |\n|---:|---:|---:|---:|---:|---:|\n");
            for (int k = 0; k < active.horizon(); k++) {
                sb.append(String.format(
                        Locale.ROOT,
                        "| %d | %.1f %% | %.1f %% | %.1f %% | %.3f | %.2f |%n",
                        k + 1,
                        100 * active.coverage(k),
                        100 * active.below(k),
                        100 * active.above(k),
                        1e3 * active.pinball(k),
                        100 * active.width(k)));
            }
            sb.append('\n');
        }
        sb.append("### What served the reported points\n\n| served by | points |\n|---|---:|\n");
        result.servedBy().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "| %s | %,d |%n", k, v)));
        return sb.toString();
    }

    private static void header(final StringBuilder sb, final int h, final String first) {
        sb.append("| ")
                .append(first)
                .append(" | coverage | h=1 | h=")
                .append(h / 2)
                .append(" | h=")
                .append(h)
                .append(" | worst tail (step) | pinball x1e3 | vs seed EWMA | vs last value | width pp |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    }

    private static void row(
            final StringBuilder sb,
            final String label,
            final QualityTable table,
            final String slice,
            final String group,
            final String method) {
        final QualityTable.Sums s = table.sums(slice, group, method);
        if (s.points() == 0) {
            return;
        }
        final int h = s.horizon();
        final double seed =
                table.sums(slice, group, HistoryEvaluation.SEED_EWMA).pinball();
        final double last =
                table.sums(slice, group, HistoryEvaluation.LAST_VALUE).pinball();
        sb.append(String.format(
                Locale.ROOT,
                "| %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %s | %.3f | %s | %s | %.2f |%n",
                label,
                100 * s.coverage(),
                100 * s.coverage(0),
                100 * s.coverage(h / 2 - 1),
                100 * s.coverage(h - 1),
                worstTail(s),
                1e3 * s.pinball(),
                relative(s.pinball(), seed),
                relative(s.pinball(), last),
                100 * s.width()));
    }

    private static String worstTail(final QualityTable.Sums s) {
        int worst = 0;
        boolean below = true;
        for (int k = 0; k < s.horizon(); k++) {
            if (s.below(k) > (below ? s.below(worst) : s.above(worst))) {
                worst = k;
                below = true;
            }
            if (s.above(k) > (below ? s.below(worst) : s.above(worst))) {
                worst = k;
                below = false;
            }
        }
        return String.format(Locale.ROOT, "%.1f %% %s (%d)", 100 * s.worstTail(), below ? "below" : "above", worst + 1);
    }

    private static String relative(final double value, final double reference) {
        return reference > 0 ? String.format(Locale.ROOT, "%+.1f %%", 100 * (value / reference - 1)) : "-";
    }

    /** JSON: every figure, per slice, group of points, method and horizon step. */
    public static String json(final String title, final HistoryEvaluation.Result result) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", title);
        out.put("forecasts", result.forecasts());
        out.put("reported", result.reported());
        out.put("first_boundary", Instant.ofEpochMilli(result.firstBoundaryMs()).toString());
        out.put("last_boundary", Instant.ofEpochMilli(result.lastBoundaryMs()).toString());
        out.put("served_by", result.servedBy());
        final Map<String, Object> slices = new LinkedHashMap<>();
        for (final String slice : List.of(QualityTable.ACTIVE, QualityTable.ALL)) {
            final Map<String, Object> groups = new LinkedHashMap<>();
            final List<String> all = new ArrayList<>(List.of(QualityTable.ALL));
            all.addAll(result.table().groups());
            for (final String group : all) {
                groups.put(group, methods(result.table(), slice, group));
            }
            slices.put(slice, groups);
        }
        out.put("slices", slices);
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> methods(final QualityTable table, final String slice, final String group) {
        final Map<String, Object> methods = new LinkedHashMap<>();
        for (final String method : table.methods()) {
            final QualityTable.Sums s = table.sums(slice, group, method);
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("points", s.points());
            if (s.points() > 0) {
                m.put("coverage", s.coverage());
                m.put("worst_tail", s.worstTail());
                m.put("pinball", s.pinball());
                m.put("width", s.width());
                final List<Map<String, Object>> steps = new ArrayList<>();
                for (int k = 0; k < s.horizon(); k++) {
                    final Map<String, Object> st = new LinkedHashMap<>();
                    st.put("step", k + 1);
                    st.put("coverage", s.coverage(k));
                    st.put("below", s.below(k));
                    st.put("above", s.above(k));
                    st.put("pinball", s.pinball(k));
                    st.put("width", s.width(k));
                    steps.add(st);
                }
                m.put("steps", steps);
            }
            methods.put(method, m);
        }
        return methods;
    }
}
