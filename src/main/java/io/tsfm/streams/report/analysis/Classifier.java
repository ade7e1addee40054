package io.tsfm.streams.report.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Says why a segment's forecast quality regressed, from the segment's {@link Evidence}, by rules an
 * operator can read (docs/operations.md, "The operational report"): there is no labelled history to train a
 * learned classifier on. The first rule that holds, in this order, names the cause; every rule that holds is
 * kept as evidence.
 *
 * <ol>
 *   <li>data problem: the DLQ share rose by at least {@code dlqRise} (absolute) to twice its value or more,
 *       or the share of gap-gated forecasts rose by at least {@code gapRise} to 1.5 times or more;
 *   <li>serving degradation: the fallback share rose by at least {@code fallbackRise} to 1.5 times or more,
 *       or the breaker opened where it had not (or twice as often), or latency p95 rose by half or more and
 *       by at least {@code latencyRiseMs} (a rise from 20 to 40 ms is noise, not a degraded service);
 *   <li>input drift: the segment's PSI is above {@code psiThreshold} and above the PSI chance alone gives its
 *       number of markets ({@link Evidence#psiNoise});
 *   <li>model regression: none of the above: inputs are stable and the service healthy, so the model's
 *       answers got worse (the evidence says whether the model or its version changed).
 * </ol>
 */
public record Classifier(
        double psiThreshold, double fallbackRise, double latencyRiseMs, double dlqRise, double gapRise) {

    /**
     * PSI above 0.2 (the drift alerts' warning level), fallback share +5 points, latency p95 +100 ms, DLQ share
     * +1 point, gap-gated share +5 points.
     */
    public static final Classifier DEFAULT = new Classifier(0.2, 0.05, 100.0, 0.01, 0.05);

    /** A cause and the evidence for it and for any other rule that held, in words. */
    public record Classification(Cause cause, List<String> evidence) {
        public Classification {
            evidence = List.copyOf(evidence);
        }
    }

    public Classification classify(final Evidence e) {
        final List<String> data = new ArrayList<>();
        if (e.dlqShare().roseBy(dlqRise, 2.0)) {
            data.add(String.format(Locale.ROOT, "DLQ share up %s", pct(e.dlqShare())));
        }
        if (e.gapShare().roseBy(gapRise, 1.5)) {
            data.add(String.format(Locale.ROOT, "gap-gated share up %s", pct(e.gapShare())));
        }
        final List<String> serving = new ArrayList<>();
        if (e.fallbackShare().roseBy(fallbackRise, 1.5)) {
            serving.add(String.format(Locale.ROOT, "fallback share up %s", pct(e.fallbackShare())));
        }
        if (e.breakerOpens().current() > 0 && e.breakerOpens().roseBy(1.0, 2.0)) {
            serving.add(String.format(
                    Locale.ROOT,
                    "breaker-open fallbacks %d -> %d",
                    (long) e.breakerOpens().previous(),
                    (long) e.breakerOpens().current()));
        }
        if (e.latencyP95Ms().previous() > 0 && e.latencyP95Ms().roseBy(latencyRiseMs, 1.5)) {
            serving.add(String.format(
                    Locale.ROOT,
                    "latency p95 %.0f -> %.0f ms",
                    e.latencyP95Ms().previous(),
                    e.latencyP95Ms().current()));
        }
        final List<String> drift = new ArrayList<>();
        final double bar = Double.isFinite(e.psiNoise()) ? Math.max(psiThreshold, e.psiNoise()) : psiThreshold;
        if (e.psi() > bar) {
            drift.add(String.format(Locale.ROOT, "PSI %.2f on %s (above %.2f)", e.psi(), e.psiFeature(), bar));
        }
        final List<String> evidence = new ArrayList<>();
        evidence.addAll(data);
        evidence.addAll(serving);
        evidence.addAll(drift);
        if (e.modelChanged()) {
            evidence.add("model changed: " + String.join(", ", sorted(e.previousVersions())) + " -> "
                    + String.join(", ", sorted(e.currentVersions())));
        }
        final Cause cause;
        if (!data.isEmpty()) {
            cause = Cause.DATA_PROBLEM;
        } else if (!serving.isEmpty()) {
            cause = Cause.SERVING_DEGRADATION;
        } else if (!drift.isEmpty()) {
            cause = Cause.INPUT_DRIFT;
        } else {
            cause = Cause.MODEL_REGRESSION;
            if (!e.modelChanged()) {
                evidence.add("same model and version, inputs stable, serving healthy: the model's answers got worse");
            }
        }
        return new Classification(cause, evidence);
    }

    private static List<String> sorted(final Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String pct(final Change c) {
        return String.format(Locale.ROOT, "%.1f %% -> %.1f %%", 100 * c.previous(), 100 * c.current());
    }
}
