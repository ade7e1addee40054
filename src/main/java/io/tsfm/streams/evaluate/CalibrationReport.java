package io.tsfm.streams.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tsfm.streams.forecast.QuantileKeys;
import io.tsfm.streams.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link CalibrationResult} as the Markdown tables of docs/calibration.md, or as JSON. */
public final class CalibrationReport {

    /** The horizon steps with their own column. */
    static final int[] STEP_COLUMNS = {1, 6, 12};

    private CalibrationReport() {
    }

    public static String markdown(final CalibrationResult result) {
        final StringBuilder sb = new StringBuilder();
        final CalibrationOptions o = result.options();
        final CalibrationResult.Periods p = result.periods();
        final String band = band(result.levels());
        sb.append(String.format(Locale.ROOT, "Seeds %s, %d markets, %s days each (first %s day(s) warm-up: learnt from,"
                        + " not reported), a forecast at 1 boundary in %d: %,d contexts forecast by each forecaster"
                        + " (gated, not forecast: %s). One calibrator set per seed, forecaster and method"
                        + " (the stream keeps one per Kafka task).%n%n",
                o.seeds().stream().map(String::valueOf).collect(Collectors.joining(",")), o.markets(),
                number(o.days()), number(o.warmUpDays()), o.every(), result.contexts(), gated(result.gated())));
        sb.append(String.format(Locale.ROOT, "Reported period: forecasts made from %s to %s. Holdout (second half):"
                + " forecasts made from %s; the offline conformal is fitted on reported forecasts fully realised by"
                + " %s.%n%n", p.scoredFrom(), p.lastAsOf(), p.holdoutFrom(), p.conformalFitUntil()));
        sb.append(String.format(Locale.ROOT, "Cells: coverage of the served %s band / mean pinball loss (mean over"
                + " the levels). Moving or flat is the market at as_of; the h columns are moving markets."
                + " \"steps in 80±2\": horizon steps (of %d) whose moving-market coverage is within 78..82 %%;"
                + " \"mean dev\": mean |coverage - 80 %%| over the horizon steps, moving markets, in points;"
                + " \"Δ pinball\": moving-market pinball against uncalibrated; width and scale: moving markets.%n",
                band, horizon(result)));
        for (final ForecasterCalibration f : result.forecasters()) {
            sb.append(String.format(Locale.ROOT, "%n#### %s, reported period (%,d forecasts)%n%n", f.name(),
                    f.scoredForecasts()));
            table(sb, f.scored());
        }
        for (final ForecasterCalibration f : result.forecasters()) {
            sb.append(String.format(Locale.ROOT, "%n#### %s, holdout: second half of the reported period"
                    + " (%,d forecasts)%n%n", f.name(), f.holdoutForecasts()));
            table(sb, f.holdout());
        }
        sb.append('\n').append(recommendation(result));
        sb.append('\n').append(perStep(result));
        return sb.toString();
    }

    /** Moving-market coverage at every horizon step: uncalibrated and the two recommended methods. */
    public static String perStep(final CalibrationResult result) {
        final int horizon = horizon(result);
        final List<String> methods = new ArrayList<>(List.of(CalibrationMethod.UNCALIBRATED,
                result.recommendation(false).method()));
        final String overall = result.recommendation(true).method();
        if (!methods.contains(overall)) {
            methods.add(overall);
        }
        if (result.forecasters().get(0).scored().stream()
                .anyMatch(m -> m.method().equals(CalibrationMethod.MINIMUM_WIDTH))) {
            methods.add(CalibrationMethod.MINIMUM_WIDTH);
        }
        final StringBuilder sb = new StringBuilder("#### Moving-market coverage per horizon step (reported period)\n\n");
        sb.append("| forecaster | method |");
        for (int h = 1; h <= horizon; h++) {
            sb.append(" h=").append(h).append(" |");
        }
        sb.append("\n|---|---|").append("---:|".repeat(horizon)).append('\n');
        for (final ForecasterCalibration f : result.forecasters()) {
            for (final String method : methods) {
                sb.append("| ").append(f.name()).append(" | ").append(method).append(" |");
                for (final StepScores s : f.scored(method).steps()) {
                    sb.append(String.format(Locale.ROOT, " %.1f |", 100 * s.moving().coverage()));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static void table(final StringBuilder sb, final List<MethodScores> methods) {
        sb.append("| method | all | moving | flat |");
        for (final int h : STEP_COLUMNS) {
            sb.append(" moving h=").append(h).append(" |");
        }
        sb.append(" steps in 80±2 | mean dev | Δ pinball | width | scale |\n");
        sb.append("|---|").append("---:|".repeat(3 + STEP_COLUMNS.length + 5)).append('\n');
        final MethodScores uncalibrated = methods.get(0);
        for (final MethodScores m : methods) {
            sb.append("| ").append(m.method()).append(" | ").append(cell(m.all())).append(" | ")
                    .append(cell(m.moving())).append(" | ").append(cell(m.flat())).append(" |");
            for (final int h : STEP_COLUMNS) {
                if (h <= m.steps().size()) {
                    sb.append(' ').append(cell(m.step(h).moving())).append(" |");
                } else {
                    sb.append(" - |");
                }
            }
            sb.append(String.format(Locale.ROOT, " %d/%d | %.1f | %s | %.4f | %.3f |%n",
                    m.movingStepsWithin(CalibrationResult.TARGET, CalibrationResult.TOLERANCE), m.steps().size(),
                    100 * m.movingMeanDeviation(CalibrationResult.TARGET),
                    m == uncalibrated ? "-" : percent(m.moving().pinball() / uncalibrated.moving().pinball() - 1.0),
                    m.moving().width(), m.moving().scale()));
        }
    }

    /** The two recommendations and the full ranking. */
    public static String recommendation(final CalibrationResult result) {
        final CalibrationResult.Recommendation stream = result.recommendation(false);
        final CalibrationResult.Recommendation all = result.recommendation(true);
        final StringBuilder sb = new StringBuilder();
        sb.append("#### Ranking (moving markets)\n\n");
        sb.append("Rule, in order: most horizon steps in 80±2 for every forecaster in both the reported period and"
                + " its second half (the smaller count); most forecasters whose pinball loss is no worse than"
                + " uncalibrated; smallest worst Δ pinball; smallest worst mean deviation.\n\n");
        sb.append("| rank | method | steps in 80±2 (reported / holdout) | pinball no worse for | worst Δ pinball"
                + " | worst mean dev |\n");
        sb.append("|---:|---|---:|---:|---:|---:|\n");
        int rank = 1;
        for (final CalibrationResult.Ranked r : all.ranking()) {
            sb.append(String.format(Locale.ROOT, "| %d | %s | %d/%d / %d/%d | %d/%d | %s | %.1f |%n", rank++,
                    r.method(), r.fewestStepsInTarget(), horizon(result), r.fewestStepsInTargetHoldout(),
                    horizon(result), r.pinballNoWorseFor(), result.forecasters().size(),
                    percent(r.worstPinballChange()), 100 * r.worstMeanDeviation()));
        }
        sb.append('\n').append(String.format(Locale.ROOT, "Best with the stream's base-band error: %s. Best overall:"
                + " %s.%n", describe(stream.best(), result), describe(all.best(), result)));
        return sb.toString();
    }

    private static String describe(final CalibrationResult.Ranked r, final CalibrationResult result) {
        return String.format(Locale.ROOT, "**%s** (at least %d/%d steps in 80±2 in the reported period and %d/%d in"
                        + " its second half, pinball no worse for %d/%d forecasters, worst Δ pinball %s, worst mean"
                        + " deviation %.1f points)", r.method(), r.fewestStepsInTarget(), horizon(result),
                r.fewestStepsInTargetHoldout(), horizon(result), r.pinballNoWorseFor(), result.forecasters().size(),
                percent(r.worstPinballChange()), 100 * r.worstMeanDeviation());
    }

    public static String json(final CalibrationResult result) {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("options", result.options());
        root.put("levels", result.levels());
        root.put("periods", result.periods());
        root.put("contexts", result.contexts());
        root.put("gated", result.gated());
        root.put("target", CalibrationResult.TARGET);
        root.put("tolerance", CalibrationResult.TOLERANCE);
        root.put("forecasters", result.forecasters());
        root.put("recommendation_base_error", result.recommendation(false));
        root.put("recommendation", result.recommendation(true));
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write the calibration evaluation as JSON", e);
        }
    }

    private static int horizon(final CalibrationResult result) {
        return result.forecasters().get(0).scored().get(0).steps().size();
    }

    private static String cell(final SliceScores s) {
        if (s.pairs() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f %% / %.5f", 100 * s.coverage(), s.pinball());
    }

    private static String percent(final double change) {
        return String.format(Locale.ROOT, "%+.1f %%", 100 * change);
    }

    private static String band(final double[] levels) {
        return "q" + QuantileKeys.key(levels[0]) + "..q" + QuantileKeys.key(levels[levels.length - 1]);
    }

    private static String gated(final Map<String, Long> gated) {
        if (gated.isEmpty()) {
            return "none";
        }
        return gated.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String number(final double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
