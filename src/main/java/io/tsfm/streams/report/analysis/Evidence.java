package io.tsfm.streams.report.analysis;

import java.util.Set;

/**
 * What the report knows about one segment besides forecast quality, in both periods: the facts the
 * {@link Classifier} weighs to say why a regression happened.
 *
 * @param psi              the largest PSI of the segment's input features, this period against the previous
 * @param psiFeature       the feature of that PSI
 * @param psiNoise         the PSI chance alone gives the segment's few markets; the PSI must exceed it too
 * @param fallbackShare    share of the forecasts routed to the model that the baseline served
 * @param breakerOpens     fallbacks because the circuit breaker was open
 * @param latencyP95Ms     95th percentile of the model call's latency (ms), NaN when unknown
 * @param dlqShare         dead-lettered ticks per forecast (all segments: a DLQ record carries no segment)
 * @param gapShare         share of the segment's forecasts gated for a gap in the ticks (max_gap_exceeded)
 * @param previousVersions model name:version pairs that answered in the previous period
 * @param currentVersions  model name:version pairs that answered in this period
 */
public record Evidence(
        double psi,
        String psiFeature,
        double psiNoise,
        Change fallbackShare,
        Change breakerOpens,
        Change latencyP95Ms,
        Change dlqShare,
        Change gapShare,
        Set<String> previousVersions,
        Set<String> currentVersions) {

    public Evidence {
        previousVersions = Set.copyOf(previousVersions);
        currentVersions = Set.copyOf(currentVersions);
    }

    /** Whether the models that answered differ between the periods (a new model or version). */
    public boolean modelChanged() {
        return !currentVersions.isEmpty() && !previousVersions.isEmpty() && !currentVersions.equals(previousVersions);
    }
}
