package io.tsfm.streams.report;

import io.tsfm.streams.report.analysis.HealthScore;
import io.tsfm.streams.report.analysis.RegressionCheck;
import io.tsfm.streams.rollout.ShadowReport;
import java.util.List;

/**
 * The operational report: every figure it prints, as one value that the Markdown, HTML and JSON outputs are
 * all written from (the JSON is this record as it stands).
 */
public record Report(
        Period period,
        Period previousPeriod,
        Health health,
        Slo slo,
        Forecasts forecasts,
        Quality quality,
        Rollout rollout,
        List<DriftFigures.Row> inputDrift,
        List<Test> regressionTests,
        List<Finding> findings,
        Latency latency) {

    /** A half-open range of as_of instants. */
    public record Period(String from, String to) {}

    /** The health score, how it was reached, and what changed since the previous period. */
    public record Health(int score, HealthScore.Score deductions, String formula, List<ChangeRow> changes) {}

    /** One figure in the previous period and this one; {@code notable} when it moved by a tenth or more. */
    public record ChangeRow(String figure, double previous, double current, boolean notable) {}

    /** SLO compliance and error budget per objective; {@code source} says where the figures came from. */
    public record Slo(String source, String note, List<SloRow> objectives) {}

    /**
     * One objective: target, compliance over the period, share of the window's budget burned in it, the budget
     * left at the period's end (Prometheus only); NaN where unknown.
     */
    public record SloRow(
            String name,
            double target,
            double compliance,
            double budgetBurned,
            double budgetRemaining,
            String status,
            String source) {}

    /** What was served, in both periods, with the top fallback reasons, markets and DLQ reasons. */
    public record Forecasts(
            ServingFigures current,
            ServingFigures previous,
            List<Counts> topReasons,
            List<Counts> topMarkets,
            List<Counts> dlqReasons) {}

    /** Quality per model, segment and horizon against the previous period, and coverage per step. */
    public record Quality(
            long scoredForecasts,
            long previousScoredForecasts,
            List<QualityRow> rows,
            double[] coverageByStep,
            double[] previousCoverageByStep) {}

    /** One cell of the quality table, this period and (NaN when absent) the previous one. */
    public record QualityRow(
            String model,
            String segment,
            String horizon,
            long steps,
            double coverage,
            double below,
            double above,
            double pinball,
            double previousCoverage,
            double previousPinball) {}

    /** The rollout: stages seen, and the shadow comparison when the candidate ran in shadow. */
    public record Rollout(List<String> stages, long shadowForecasts, List<ShadowReport.Row> shadow) {}

    /** One model and segment's regression test. */
    public record Test(String model, String segment, RegressionCheck.Outcome outcome) {}

    /** A regression found, its cause in the report's words and the evidence. */
    public record Finding(
            String model, String segment, RegressionCheck.Outcome outcome, String cause, List<String> evidence) {}

    /** Model latency: percentiles from the forecast records, and over time from Prometheus when given. */
    public record Latency(
            ServingFigures.Latency fromRecords, List<PrometheusSource.LatencyPoint> prometheus, String note) {}
}
