package io.tsfm.streams.report;

import io.tsfm.streams.report.analysis.HealthScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SLO compliance and error budget per objective for the report: from Prometheus' SLO rules when it was
 * given and answered; otherwise what the topics allow (model availability, validity and calibration), the
 * others unknown.
 */
final class SloSection {
    private SloSection() {}

    /** The objectives of monitoring/slo.yml and their targets, used when the spec file cannot be read. */
    static final Map<String, Double> DEFAULT_TARGETS = defaults();

    /** Coverage of the served band that the calibration objective holds a segment to. */
    static final double CALIBRATION_LOW = 0.75;

    static final double CALIBRATION_HIGH = 0.85;

    private static Map<String, Double> defaults() {
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("freshness", 0.995);
        m.put("model_availability", 0.99);
        m.put("validity", 0.999);
        m.put("calibration", 0.95);
        m.put("liveness", 0.995);
        return m;
    }

    static Report.Slo of(
            final Map<String, Double> targets,
            final Duration window,
            final Duration period,
            final PrometheusSource.Figures prometheus,
            final String prometheusNote,
            final ServingFigures serving,
            final double[] calibrationSlices) {
        final double share = (double) period.toMillis() / window.toMillis();
        final List<Report.SloRow> rows = new ArrayList<>();
        targets.forEach((name, target) -> {
            if (prometheus != null && prometheus.errorRatio().containsKey(name)) {
                final double compliance = 1.0 - prometheus.errorRatio().get(name);
                rows.add(row(
                        name,
                        target,
                        compliance,
                        share,
                        prometheus.budgetRemaining().getOrDefault(name, Double.NaN),
                        "prometheus"));
            } else {
                final double compliance = fromTopics(name, serving, calibrationSlices);
                rows.add(row(name, target, compliance, share, Double.NaN, Double.isNaN(compliance) ? "-" : "topics"));
            }
        });
        final String source = prometheus == null ? "topics" : "prometheus";
        return new Report.Slo(source, prometheusNote, rows);
    }

    /** The rows as the health score weighs them. */
    static List<HealthScore.Objective> objectives(final Report.Slo slo) {
        return slo.objectives().stream()
                .map(r -> new HealthScore.Objective(r.name(), r.target(), r.compliance(), r.budgetBurned()))
                .toList();
    }

    private static Report.SloRow row(
            final String name,
            final double target,
            final double compliance,
            final double periodShare,
            final double remaining,
            final String source) {
        final double burned = (1.0 - compliance) / (1.0 - target) * periodShare;
        final String status = Double.isNaN(compliance) ? "unknown" : compliance < target ? "violated" : "met";
        return new Report.SloRow(name, target, compliance, burned, remaining, status, source);
    }

    /** An objective's compliance from the topics; NaN for freshness and liveness, which only the metrics hold. */
    private static double fromTopics(final String name, final ServingFigures s, final double[] calibrationSlices) {
        return switch (name) {
            case "model_availability" ->
                s.routedToModel() == 0 ? Double.NaN : (double) s.modelAnswered() / s.routedToModel();
            case "validity" -> {
                final long total = s.modelAnswered() + s.invalidPayloads();
                yield total == 0 ? Double.NaN : (double) s.modelAnswered() / total;
            }
            case "calibration" -> calibrationSlices[1] == 0 ? Double.NaN : calibrationSlices[0] / calibrationSlices[1];
            default -> Double.NaN;
        };
    }
}
