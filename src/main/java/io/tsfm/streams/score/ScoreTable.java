package io.tsfm.streams.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Summarises score records into the table operators judge a model by: per runtime and model, the served
 * band's coverage and mean pinball loss next to the uncalibrated band's, overall, at horizon steps 1, 6
 * and 12, and for moving versus quiet markets. Pure; the backtest command prints it.
 */
public final class ScoreTable {

    /** One line of the table: which forecasts and steps, how many steps, and both bands' figures. */
    public record Row(
            String runtime,
            String model,
            String slice,
            long forecasts,
            long steps,
            double servedCoverage,
            double uncalibratedCoverage,
            double servedPinball,
            double uncalibratedPinball,
            double servedWidth,
            double uncalibratedWidth) {}

    private record Slice(String name, Predicate<ForecastScore> forecasts, Predicate<ForecastScore.Step> steps) {}

    private static final List<Slice> SLICES = List.of(
            new Slice("all", f -> true, s -> true),
            new Slice("step 1", f -> true, s -> s.step() == 1),
            new Slice("step 6", f -> true, s -> s.step() == 6),
            new Slice("step 12", f -> true, s -> s.step() == 12),
            new Slice("moving", f -> f.segment() != null && f.segment().endsWith("|moving"), s -> true),
            new Slice("quiet", f -> f.segment() != null && f.segment().endsWith("|quiet"), s -> true));

    private ScoreTable() {}

    public static List<Row> of(final List<ForecastScore> scores) {
        final Map<String, List<ForecastScore>> byModel = new LinkedHashMap<>();
        scores.stream()
                .sorted(java.util.Comparator.comparing(ForecastScore::runtime).thenComparing(ForecastScore::modelName))
                .forEach(s -> byModel.computeIfAbsent(s.runtime() + "\u0000" + s.modelName(), k -> new ArrayList<>())
                        .add(s));
        final List<Row> rows = new ArrayList<>();
        byModel.forEach((key, list) -> {
            for (final Slice slice : SLICES) {
                final Row row = row(list.get(0).runtime(), list.get(0).modelName(), slice, list);
                if (row.steps() > 0) {
                    rows.add(row);
                }
            }
        });
        return rows;
    }

    private static Row row(final String runtime, final String model, final Slice slice, final List<ForecastScore> all) {
        long forecasts = 0;
        long steps = 0;
        long servedInside = 0;
        long uncalibratedInside = 0;
        double servedPinball = 0;
        double uncalibratedPinball = 0;
        double servedWidth = 0;
        double uncalibratedWidth = 0;
        for (final ForecastScore f : all) {
            if (!slice.forecasts().test(f)) {
                continue;
            }
            forecasts++;
            for (final ForecastScore.Step s : f.steps()) {
                if (!slice.steps().test(s)) {
                    continue;
                }
                steps++;
                servedInside += "inside".equals(s.served().outcome()) ? 1 : 0;
                uncalibratedInside += "inside".equals(s.uncalibrated().outcome()) ? 1 : 0;
                servedPinball += s.served().meanPinball();
                uncalibratedPinball += s.uncalibrated().meanPinball();
                servedWidth += s.served().width();
                uncalibratedWidth += s.uncalibrated().width();
            }
        }
        final double n = Math.max(steps, 1);
        return new Row(
                runtime,
                model,
                slice.name(),
                forecasts,
                steps,
                servedInside / n,
                uncalibratedInside / n,
                servedPinball / n,
                uncalibratedPinball / n,
                servedWidth / n,
                uncalibratedWidth / n);
    }

    /** The rows as a Markdown table. */
    public static String markdown(final List<Row> rows) {
        final StringBuilder sb = new StringBuilder();
        sb.append("| runtime | model | slice | forecasts | steps | coverage served | coverage uncalibrated "
                + "| pinball served | pinball uncalibrated | width served | width uncalibrated |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final Row r : rows) {
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %d | %d | %.3f | %.3f | %.5f | %.5f | %.4f | %.4f |%n",
                    r.runtime(),
                    r.model(),
                    r.slice(),
                    r.forecasts(),
                    r.steps(),
                    r.servedCoverage(),
                    r.uncalibratedCoverage(),
                    r.servedPinball(),
                    r.uncalibratedPinball(),
                    r.servedWidth(),
                    r.uncalibratedWidth()));
        }
        return sb.toString();
    }
}
