package io.tsfm.streams.bench;

import io.tsfm.streams.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Figures of a benchmark invocation: one row per metric with every run's value and their median. */
final class BenchReport {

    /** One measured figure. {@code values} holds one entry per run; the reported figure is their median. */
    record Row(String scenario, String metric, String unit, List<Double> values) {
        double median() {
            return Stats.median(values);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void add(final String scenario, final String metric, final String unit, final List<Double> values) {
        rows.add(new Row(scenario, metric, unit, List.copyOf(values)));
    }

    void setting(final String key, final Object value) {
        settings.put(key, value);
    }

    void note(final String note) {
        notes.add(note);
    }

    List<Row> rows() {
        return rows;
    }

    String markdown() {
        final StringBuilder sb = new StringBuilder();
        sb.append("| scenario | metric | median | unit | runs |\n|---|---|---:|---|---|\n");
        for (final Row r : rows) {
            final List<String> runs = new ArrayList<>();
            r.values().forEach(v -> runs.add(format(v)));
            sb.append("| ")
                    .append(r.scenario())
                    .append(" | ")
                    .append(r.metric())
                    .append(" | ")
                    .append(format(r.median()))
                    .append(" | ")
                    .append(r.unit())
                    .append(" | ")
                    .append(String.join(", ", runs))
                    .append(" |\n");
        }
        if (!settings.isEmpty()) {
            sb.append("\nSettings: ");
            final List<String> kv = new ArrayList<>();
            settings.forEach((k, v) -> kv.add(k + "=" + v));
            sb.append(String.join(", ", kv)).append('\n');
        }
        for (final String n : notes) {
            sb.append("\n- ").append(n);
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
        }
        return sb.toString();
    }

    static String format(final double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        final double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    void writeJson(final Path file, final Map<String, Object> machine) throws IOException {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        root.put("settings", settings);
        final List<Map<String, Object>> out = new ArrayList<>();
        for (final Row r : rows) {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", r.scenario());
            m.put("metric", r.metric());
            m.put("unit", r.unit());
            m.put("median", Double.isNaN(r.median()) ? null : r.median());
            m.put("runs", r.values());
            out.add(m);
        }
        root.put("results", out);
        root.put("notes", notes);
        Json.wire().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
