package io.tsfm.streams.stream;

import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.drift.DriftSettings;
import io.tsfm.streams.drift.DriftState;
import io.tsfm.streams.drift.DriftTracker;
import io.tsfm.streams.drift.Feature;
import io.tsfm.streams.drift.InputFeatures;
import io.tsfm.streams.drift.InputSegment;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The task's input-drift trackers, one per segment (liquidity bucket), over the changelogged
 * {@code input-drift} store: each cycle feeds every active market's model input (logit level and 5-minute
 * change at as_of), so the state is a function of event time and rebuilds identically on replay.
 */
final class InputDrift {
    private final DriftSettings settings;
    private final KeyValueStore<String, DriftState> store;
    private final StreamMeters metrics;
    private final String taskId;
    private final Map<String, DriftTracker> trackers = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    InputDrift(
            final DriftSettings settings,
            final KeyValueStore<String, DriftState> store,
            final StreamMeters metrics,
            final String taskId) {
        this.settings = settings;
        this.store = store;
        this.metrics = metrics;
        this.taskId = taskId;
    }

    void observe(final MarketContext context) {
        final String segment = InputSegment.of(context.liquidityBucket());
        trackers.computeIfAbsent(segment, s -> {
                    final DriftState state = store.get(s);
                    return state == null ? new DriftTracker(settings) : DriftTracker.restore(settings, state);
                })
                .observe(context.asOfMs(), InputFeatures.ofContext(context));
        dirty.add(segment);
    }

    /** Writes the changed trackers back and hands their histograms to the metrics (end of a cycle). */
    void flush() {
        for (final String segment : dirty) {
            final DriftTracker t = trackers.get(segment);
            store.put(segment, t.snapshot());
            final Map<Feature, io.tsfm.streams.drift.Histogram> reference = new EnumMap<>(Feature.class);
            final Map<Feature, io.tsfm.streams.drift.Histogram> current = new EnumMap<>(Feature.class);
            if (t.referenceComplete()) {
                for (final Feature f : Feature.values()) {
                    reference.put(f, t.reference(f));
                    current.put(f, t.current(f));
                }
            }
            metrics.drift().observe(taskId, segment, reference, current, settings.minObservations());
        }
        dirty.clear();
    }

    /** The task is closing or moving: its histograms leave this instance's gauges. */
    void close() {
        metrics.drift().closed(taskId);
    }
}
