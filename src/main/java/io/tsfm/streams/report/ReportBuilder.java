package io.tsfm.streams.report;

import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.report.analysis.Change;
import io.tsfm.streams.report.analysis.Classifier;
import io.tsfm.streams.report.analysis.Evidence;
import io.tsfm.streams.report.analysis.HealthScore;
import io.tsfm.streams.report.analysis.RegressionCheck;
import io.tsfm.streams.rollout.ShadowReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Computes the {@link Report} from the records of the period and of the previous one, and Prometheus' figures. */
public final class ReportBuilder {
    /** How the health score is computed, as the report prints it. */
    static final String FORMULA = "100 - 15 per SLO violated (max 45) - 20 x the largest share of an error budget "
            + "burned in the period (max 20) - 10 per regression finding (max 40), floored at 0";

    private final Map<String, Double> targets;
    private final Duration window;
    private final double matchDistance;
    private final RegressionCheck check;
    private final Classifier classifier;

    /**
     * A builder with the report's regression test and classifier.
     *
     * @param targets       each SLO's target by name, in the order the report lists them
     * @param window        the SLOs' window (28 days), over which an error budget is counted
     * @param matchDistance the rollout's shadow match distance (rollout.shadow.match.distance)
     */
    public ReportBuilder(final Map<String, Double> targets, final Duration window, final double matchDistance) {
        this.targets = Map.copyOf(targets).isEmpty() ? SloSection.DEFAULT_TARGETS : targets;
        this.window = window;
        this.matchDistance = matchDistance;
        this.check = RegressionCheck.DEFAULT;
        this.classifier = Classifier.DEFAULT;
    }

    /**
     * The report of {@code current} against {@code previous}.
     *
     * @param prometheus     the SLO and latency figures, null when not asked or not available
     * @param prometheusNote why there are none (null when there are)
     */
    public Report build(
            final PeriodData current,
            final PeriodData previous,
            final PrometheusSource.Figures prometheus,
            final String prometheusNote) {
        final Duration length = Duration.between(current.from(), current.to());
        final Duration bucket = bucket(length);
        final ServingFigures serving = ServingFigures.of(current, bucket);
        final ServingFigures servedBefore = ServingFigures.of(previous, bucket);
        final QualityFigures quality = QualityFigures.of(current.scores());
        final QualityFigures qualityBefore = QualityFigures.of(previous.scores());
        final List<DriftFigures.Row> drift = DriftFigures.of(previous.scores(), current.scores());
        final Map<String, DriftFigures.Row> worstDrift = DriftFigures.worstBySegment(drift, classifier.psiThreshold());

        final List<Report.Test> tests = new ArrayList<>();
        final List<Report.Finding> findings = new ArrayList<>();
        quality.lossSeries().forEach((key, series) -> {
            final int slash = key.lastIndexOf('/');
            final String model = key.substring(0, slash);
            final String segment = key.substring(slash + 1);
            final RegressionCheck.Outcome outcome =
                    check.test(qualityBefore.lossSeries().getOrDefault(key, new double[0]), series);
            tests.add(new Report.Test(model, segment, outcome));
            if (outcome.regressed()) {
                final Classifier.Classification c =
                        classifier.classify(evidence(segment, serving, servedBefore, worstDrift.get(segment)));
                findings.add(
                        new Report.Finding(model, segment, outcome, c.cause().label(), c.evidence()));
            }
        });

        final Report.Slo slo = SloSection.of(
                targets,
                window,
                length,
                prometheus,
                prometheusNote,
                serving,
                QualityFigures.calibrationSlices(
                        concat(previous.scores(), current.scores()), current.from(), current.to()));
        final HealthScore.Score score = HealthScore.of(SloSection.objectives(slo), findings.size());
        final Report.Health health = new Report.Health(
                score.score(), score, FORMULA, Changes.of(serving, servedBefore, quality, qualityBefore));
        final Report.Forecasts forecasts = new Report.Forecasts(
                serving,
                servedBefore,
                Counts.top(serving.reasons(), 5),
                Counts.top(serving.marketFallbacks(), 5),
                Counts.top(serving.dlqReasons(), 5));
        final Report.Latency latency = new Report.Latency(
                serving.latency(),
                prometheus == null ? List.of() : prometheus.latency(),
                prometheus == null ? "latency over time from Prometheus not available (" + prometheusNote + ")" : null);
        return new Report(
                new Report.Period(current.from().toString(), current.to().toString()),
                new Report.Period(previous.from().toString(), previous.to().toString()),
                health,
                slo,
                forecasts,
                QualityRows.of(quality, qualityBefore),
                rollout(current),
                drift,
                tests,
                findings,
                latency);
    }

    /** The time buckets of the "over time" figures: a 24th of the period, in whole 5-minute steps (1 h a day). */
    static Duration bucket(final Duration period) {
        final long steps = Math.max(1, period.toMinutes() / 24 / 5);
        return Duration.ofMinutes(steps * 5);
    }

    private static <T> List<T> concat(final List<T> a, final List<T> b) {
        final List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Report.Rollout rollout(final PeriodData current) {
        final Set<String> stages = new TreeSet<>();
        for (final ForecastRecord f : current.forecasts()) {
            if (f.meta().rolloutStage() != null) {
                stages.add(f.meta().rolloutStage());
            }
        }
        final List<ShadowReport.Row> shadow = current.shadows().isEmpty()
                ? List.of()
                : ShadowReport.of(
                        current.forecasts(),
                        current.shadows(),
                        current.scores(),
                        current.from(),
                        current.to().minusMillis(1),
                        matchDistance);
        return new Report.Rollout(List.copyOf(stages), current.shadows().size(), shadow);
    }

    private static Evidence evidence(
            final String segment, final ServingFigures now, final ServingFigures before, final DriftFigures.Row drift) {
        final ServingFigures.Segment s = now.segments().get(segment);
        final ServingFigures.Segment b = before.segments().get(segment);
        return new Evidence(
                drift == null ? Double.NaN : drift.psi(),
                drift == null ? "-" : drift.feature(),
                drift == null ? 0.0 : drift.noise(),
                new Change(b == null ? Double.NaN : b.fallbackShare(), s == null ? Double.NaN : s.fallbackShare()),
                new Change(b == null ? 0 : b.breakerOpens(), s == null ? 0 : s.breakerOpens()),
                new Change(before.latency().p95(), now.latency().p95()),
                new Change(before.dlqShare(), now.dlqShare()),
                new Change(b == null ? Double.NaN : b.gapShare(), s == null ? Double.NaN : s.gapShare()),
                b == null ? Set.of() : b.versions(),
                s == null ? Set.of() : s.versions());
    }
}
