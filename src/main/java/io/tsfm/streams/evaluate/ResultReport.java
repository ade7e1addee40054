package io.tsfm.streams.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tsfm.streams.forecast.QuantileKeys;
import io.tsfm.streams.json.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders an {@link EvaluationResult} as the Markdown table of docs/forecaster.md, or as JSON. */
public final class ResultReport {

    private ResultReport() {
    }

    /** A Markdown table (one row per forecaster) and a sentence comparing ETS with flat last value. */
    public static String markdown(final EvaluationResult result) {
        final EvaluationOptions o = result.options();
        final double[] levels = result.candidates().get(0).overall().levels();
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Seeds %s, %d markets, %s h each, 1 boundary in %d: %d forecasts"
                        + " per forecaster (gated, not scored: %s).%n%n",
                o.seeds().stream().map(String::valueOf).collect(Collectors.joining(",")), o.markets(),
                number(o.hours()), o.every(), result.forecasts(), gated(result.gated())));
        sb.append("| forecaster |");
        for (final double level : levels) {
            sb.append(" pinball q").append(QuantileKeys.key(level)).append(" |");
        }
        sb.append(" mean pinball | 80% coverage | band width | mean pinball h=12 | coverage h=12 | width h=12 |\n");
        sb.append("|---|").append("---:|".repeat(levels.length + 6)).append('\n');
        for (final CandidateScores c : result.candidates()) {
            sb.append("| ").append(c.name()).append(" |");
            for (final double loss : c.overall().pinballByLevel()) {
                sb.append(String.format(Locale.ROOT, " %.5f |", loss));
            }
            sb.append(String.format(Locale.ROOT, " **%.5f** | %.1f %% | %.4f | %.5f | %.1f %% | %.4f |%n",
                    c.overall().pinball(), 100 * c.overall().coverage(), c.overall().width(),
                    c.lastStep().pinball(), 100 * c.lastStep().coverage(), c.lastStep().width()));
        }
        sb.append('\n').append(verdict(result)).append('\n');
        return sb.toString();
    }

    /** Whether ETS beats flat last value on mean pinball loss, and by how much. */
    public static String verdict(final EvaluationResult result) {
        final double ets = result.candidate(Candidates.ETS).overall().pinball();
        final double flat = result.candidate(Candidates.FLAT).overall().pinball();
        final double gain = result.improvement(Candidates.ETS, Candidates.FLAT);
        return String.format(Locale.ROOT, "%s %s flat last value on mean pinball loss: %.5f vs %.5f (%.1f %% %s).",
                Candidates.ETS, ets < flat ? "beats" : "does NOT beat", ets, flat, 100 * Math.abs(gain),
                gain >= 0 ? "lower" : "higher");
    }

    public static String json(final EvaluationResult result) {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("options", result.options());
        root.put("forecasts", result.forecasts());
        root.put("gated", result.gated());
        root.put("candidates", result.candidates());
        root.put("ets_beats_flat", result.candidate(Candidates.ETS).overall().pinball()
                < result.candidate(Candidates.FLAT).overall().pinball());
        root.put("ets_pinball_improvement_over_flat", result.improvement(Candidates.ETS, Candidates.FLAT));
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write the evaluation as JSON", e);
        }
    }

    private static String gated(final Map<String, Long> gated) {
        if (gated.isEmpty()) {
            return "none";
        }
        return gated.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String number(final double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
