package io.tsfm.streams.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tsfm.streams.drift.Feature;
import io.tsfm.streams.drift.Histogram;
import io.tsfm.streams.drift.Psi;
import io.tsfm.streams.stream.InputDriftMeters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The model input's drift: each task's histograms per segment, and the instance's PSI gauges over them. */
public final class DriftMeters implements InputDriftMeters {
    private final MeterRegistry registry;
    private final ConcurrentMap<String, DriftHistograms> driftHistograms = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Gauge> psiGauges = new ConcurrentHashMap<>();

    DriftMeters(final MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A task's input histograms of one segment (empty maps until its reference is complete). The gauge
     * {@code tsfm_input_psi{segment,feature}} is the PSI of this instance's tasks summed together.
     */
    @Override
    public void observe(
            final String taskId,
            final String segment,
            final Map<Feature, Histogram> reference,
            final Map<Feature, Histogram> current,
            final long minObservations) {
        driftHistograms.put(
                taskId + "|" + segment,
                new DriftHistograms(segment, Map.copyOf(reference), Map.copyOf(current), minObservations));
        for (final Feature f : Feature.values()) {
            psiGauges.computeIfAbsent(
                    segment + "|" + f.label(),
                    k -> Gauge.builder(MetricNames.INPUT_PSI, () -> psi(segment, f))
                            .description("Population Stability Index of the model input (logit level, 5-minute change) "
                                    + "over the rolling window against the reference, per liquidity segment; NaN until both "
                                    + "have enough observations")
                            .tags("segment", segment, "feature", f.label())
                            .strongReference(true)
                            .register(registry));
        }
    }

    /** A task left this instance: its histograms no longer count. */
    @Override
    public void closed(final String taskId) {
        driftHistograms.keySet().removeIf(k -> k.startsWith(taskId + "|"));
    }

    private double psi(final String segment, final Feature feature) {
        Histogram reference = null;
        Histogram current = null;
        long min = 1;
        for (final DriftHistograms h : driftHistograms.values()) {
            if (!h.segment().equals(segment) || !h.reference().containsKey(feature)) {
                continue;
            }
            reference = reference == null
                    ? h.reference().get(feature)
                    : reference.plus(h.reference().get(feature));
            current = current == null
                    ? h.current().get(feature)
                    : current.plus(h.current().get(feature));
            min = h.minObservations();
        }
        if (reference == null || reference.total() < min || current.total() < min) {
            return Double.NaN;
        }
        return Psi.of(reference, current);
    }

    private record DriftHistograms(
            String segment, Map<Feature, Histogram> reference, Map<Feature, Histogram> current, long minObservations) {}
}
