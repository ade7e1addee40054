package io.tsfm.streams.report;

import java.util.ArrayList;
import java.util.List;

/**
 * "What changed since the previous period": the report's headline figures side by side, each marked notable
 * when it moved by a tenth or more (or appeared), plus every fallback reason that is new in this period.
 */
final class Changes {
    private Changes() {}

    /** A relative move at least this large is notable. */
    static final double NOTABLE = 0.10;

    static List<Report.ChangeRow> of(
            final ServingFigures now,
            final ServingFigures before,
            final QualityFigures quality,
            final QualityFigures qualityBefore) {
        final List<Report.ChangeRow> rows = new ArrayList<>();
        rows.add(row("forecasts", (double) before.forecasts(), (double) now.forecasts()));
        rows.add(row("model share", before.modelShare(), now.modelShare()));
        rows.add(row("fallback share of model-routed forecasts", share(before), share(now)));
        rows.add(row("DLQ records", (double) before.dlq(), (double) now.dlq()));
        rows.add(row("served band coverage", weighted(qualityBefore, true), weighted(quality, true)));
        rows.add(row("mean pinball loss", weighted(qualityBefore, false), weighted(quality, false)));
        rows.add(row(
                "model latency p95 (ms)", before.latency().p95(), now.latency().p95()));
        now.reasons().forEach((reason, count) -> {
            if (!before.reasons().containsKey(reason)) {
                rows.add(row("new fallback reason " + reason, 0.0, (double) count));
            }
        });
        return rows;
    }

    static Report.ChangeRow row(final String figure, final double previous, final double current) {
        final boolean notable = previous == 0.0
                ? current != 0.0 && Double.isFinite(current)
                : Double.isFinite(previous)
                        && Double.isFinite(current)
                        && Math.abs((current - previous) / previous) >= NOTABLE;
        return new Report.ChangeRow(figure, previous, current, notable);
    }

    private static double share(final ServingFigures s) {
        return s.routedToModel() == 0 ? Double.NaN : (double) s.modelFallbacks() / s.routedToModel();
    }

    /** Coverage or mean pinball over every scored step of the period. */
    static double weighted(final QualityFigures q, final boolean coverage) {
        double sum = 0;
        long steps = 0;
        for (final QualityFigures.Row r : q.rows()) {
            sum += (coverage ? r.coverage() : r.pinball()) * r.steps();
            steps += r.steps();
        }
        return steps == 0 ? Double.NaN : sum / steps;
    }
}
