package io.tsfm.streams.report;

import io.tsfm.streams.rollout.ShadowReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lays a {@link Report} out as a {@link Doc}: the sections an operator reads, in the order they matter. */
final class ReportDocument {
    private ReportDocument() {}

    static Doc of(final Report r, final List<Doc.Chart> charts) {
        final Doc d = new Doc();
        d.heading(
                1,
                "tsfm-streams operational report " + r.period().from() + " .. "
                        + r.period().to());
        d.para("Compared with the previous period of the same length, "
                + r.previousPeriod().from() + " .. " + r.previousPeriod().to() + ". Ranges are half-open, by as_of.");
        health(d, r);
        slo(d, r);
        forecasts(d, r, charts);
        quality(d, r, charts.get(1));
        rollout(d, r);
        drift(d, r);
        regressions(d, r);
        d.heading(2, "Latency");
        d.para(String.format(
                Locale.ROOT,
                "Model answers' latency_ms over the period (%d calls): p50 %s, p95 %s, p99 %s ms.%s",
                r.latency().fromRecords().calls(),
                num(r.latency().fromRecords().p50()),
                num(r.latency().fromRecords().p95()),
                num(r.latency().fromRecords().p99()),
                r.latency().note() == null ? "" : " Note: " + r.latency().note() + "."));
        d.image(charts.get(2));
        return d;
    }

    private static void health(final Doc d, final Report r) {
        final Report.Health h = r.health();
        d.heading(2, "Health score: " + h.score() + " / 100");
        d.para(String.format(
                Locale.ROOT,
                "Deductions: SLO violations %.0f, error budget burned %.1f, regressions %.0f. Formula: %s.",
                h.deductions().sloViolations(),
                h.deductions().budgetBurned(),
                h.deductions().regressions(),
                h.formula()));
        d.heading(3, "What changed since the previous period");
        final List<List<String>> rows = new ArrayList<>();
        for (final Report.ChangeRow c : h.changes()) {
            rows.add(List.of(c.figure(), num(c.previous()), num(c.current()), c.notable() ? "yes" : ""));
        }
        d.table(List.of("figure", "previous", "this period", "notable (10 % or more)"), rows);
    }

    private static void slo(final Doc d, final Report r) {
        d.heading(2, "SLO compliance and error budget");
        if (r.slo().note() != null) {
            d.para("SLO compliance from Prometheus was not available: "
                    + r.slo().note()
                    + ". What the topics allow is computed from them (model availability, validity, calibration); "
                    + "freshness and liveness are known only to the metrics.");
        }
        final List<List<String>> rows = new ArrayList<>();
        for (final Report.SloRow s : r.slo().objectives()) {
            rows.add(List.of(
                    s.name(),
                    pct(s.target(), 2),
                    pct(s.compliance(), 3),
                    s.status(),
                    pct(s.budgetBurned(), 1),
                    pct(s.budgetRemaining(), 1),
                    s.source()));
        }
        d.table(List.of("objective", "target", "compliance", "status", "budget burned", "budget left", "source"), rows);
    }

    private static void forecasts(final Doc d, final Report r, final List<Doc.Chart> charts) {
        final ServingFigures s = r.forecasts().current();
        final ServingFigures p = r.forecasts().previous();
        d.heading(2, "Forecasts");
        d.para(String.format(
                Locale.ROOT,
                "%d forecasts (previous %d): model %s, baseline %s (previous model %s). Of %d routed to the model, "
                        + "%d were served by the baseline (%s); %d fallback events; %d dead-lettered ticks (previous %d).",
                s.forecasts(),
                p.forecasts(),
                pct(s.modelShare(), 1),
                pct(1 - s.modelShare(), 1),
                pct(p.modelShare(), 1),
                s.routedToModel(),
                s.modelFallbacks(),
                pct(s.routedToModel() == 0 ? Double.NaN : (double) s.modelFallbacks() / s.routedToModel(), 1),
                s.fallbackEvents(),
                s.dlq(),
                p.dlq()));
        d.heading(3, "Top fallback reasons");
        d.table(List.of("reason", "count", "previous"), counts(r.forecasts().topReasons(), p.reasons()));
        d.heading(3, "Markets most affected (fallbacks other than input gates and policy)");
        d.table(List.of("market", "fallbacks", "previous"), counts(r.forecasts().topMarkets(), p.marketFallbacks()));
        d.heading(3, "Fallback reasons over time");
        final List<String> top =
                r.forecasts().topReasons().stream().limit(3).map(Counts::label).toList();
        final List<String> header = new ArrayList<>(List.of("from", "forecasts", "baseline"));
        header.addAll(top);
        final List<List<String>> rows = new ArrayList<>();
        for (final ServingFigures.Bucket b : s.overTime()) {
            final List<String> row =
                    new ArrayList<>(List.of(b.start(), Long.toString(b.forecasts()), Long.toString(b.baseline())));
            top.forEach(reason -> row.add(Long.toString(b.reasons().getOrDefault(reason, 0L))));
            rows.add(row);
        }
        d.table(header, rows);
        d.heading(3, "DLQ reasons");
        d.table(List.of("reason", "count", "previous"), counts(r.forecasts().dlqReasons(), p.dlqReasons()));
        d.image(charts.get(0));
    }

    private static List<List<String>> counts(final List<Counts> top, final Map<String, Long> previous) {
        return top.stream()
                .map(c -> List.of(
                        c.label(), Long.toString(c.count()), Long.toString(previous.getOrDefault(c.label(), 0L))))
                .toList();
    }

    private static void quality(final Doc d, final Report r, final Doc.Chart chart) {
        d.heading(2, "Quality");
        d.para(String.format(
                Locale.ROOT,
                "%d scored forecasts (previous %d). Served band q10..q90 (target coverage 80 %%); pinball is the mean "
                        + "over quantiles and steps, in probability.",
                r.quality().scoredForecasts(),
                r.quality().previousScoredForecasts()));
        final List<List<String>> rows = new ArrayList<>();
        for (final Report.QualityRow q : r.quality().rows()) {
            rows.add(List.of(
                    q.model(),
                    q.segment(),
                    q.horizon(),
                    Long.toString(q.steps()),
                    pct(q.coverage(), 1),
                    pct(q.previousCoverage(), 1),
                    pct(q.below(), 1),
                    pct(q.above(), 1),
                    String.format(Locale.ROOT, "%.5f", q.pinball()),
                    String.format(Locale.ROOT, "%.5f", q.previousPinball())));
        }
        d.table(
                List.of(
                        "model",
                        "segment",
                        "horizon",
                        "steps",
                        "coverage",
                        "prev",
                        "below",
                        "above",
                        "pinball",
                        "prev pinball"),
                rows);
        d.image(chart);
    }

    private static void rollout(final Doc d, final Report r) {
        d.heading(2, "Rollout");
        if (r.rollout().shadow().isEmpty()) {
            d.para("Stages seen: "
                    + (r.rollout().stages().isEmpty()
                            ? "none"
                            : String.join(", ", r.rollout().stages()))
                    + ". No shadow forecasts in the period: no candidate to compare.");
            return;
        }
        d.para("Stages seen: " + String.join(", ", r.rollout().stages()) + "; "
                + r.rollout().shadowForecasts() + " shadow forecasts.");
        d.para(ShadowReport.markdown(r.rollout().shadow()).strip());
    }

    private static void drift(final Doc d, final Report r) {
        d.heading(2, "Input drift");
        d.para("PSI of this period's inputs against the previous period's, per segment (liquidity bucket) and feature, "
                + "from the realised values the score records carry. Drift when above 0.2 and above what chance alone "
                + "gives so many markets (the chance column).");
        d.table(
                List.of("segment", "feature", "PSI", "chance", "markets (previous)", "markets", "values"),
                r.inputDrift().stream()
                        .map(x -> List.of(
                                x.segment(),
                                x.feature(),
                                num(x.psi()),
                                num(x.noise()),
                                Long.toString(x.previousMarkets()),
                                Long.toString(x.currentMarkets()),
                                Long.toString(x.currentValues())))
                        .toList());
    }

    private static void regressions(final Doc d, final Report r) {
        d.heading(2, "Regressions");
        if (r.findings().isEmpty()) {
            d.para("No regression found: no model and segment's mean pinball rose significantly (one-sided 5 %, "
                    + "prewhitened Newey-West variances) by a tenth or more.");
        }
        for (final Report.Finding f : r.findings()) {
            d.para(String.format(
                    Locale.ROOT,
                    "%s on %s / %s: mean pinball %.5f -> %.5f (%+.0f %%, p = %.2g).",
                    f.cause().toUpperCase(Locale.ROOT),
                    f.model(),
                    f.segment(),
                    f.outcome().previousMean(),
                    f.outcome().currentMean(),
                    100 * f.outcome().relativeChange(),
                    f.outcome().pValue()));
            d.bullets(f.evidence());
        }
        d.heading(3, "Every test");
        d.table(
                List.of("model", "segment", "boundaries", "mean pinball", "previous", "change", "z", "p", "verdict"),
                r.regressionTests().stream()
                        .map(t -> List.of(
                                t.model(),
                                t.segment(),
                                t.outcome().previousBoundaries() + " / "
                                        + t.outcome().currentBoundaries(),
                                String.format(Locale.ROOT, "%.5f", t.outcome().currentMean()),
                                String.format(Locale.ROOT, "%.5f", t.outcome().previousMean()),
                                pct(t.outcome().relativeChange(), 1),
                                num(t.outcome().z()),
                                String.format(Locale.ROOT, "%.2g", t.outcome().pValue()),
                                t.outcome().verdict().name().toLowerCase(Locale.ROOT)))
                        .toList());
    }

    static String pct(final double v, final int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f %%", 100 * v) : "-";
    }

    static String num(final double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e12
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }
}
