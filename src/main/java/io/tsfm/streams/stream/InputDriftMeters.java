package io.tsfm.streams.stream;

import io.tsfm.streams.drift.Feature;
import io.tsfm.streams.drift.Histogram;
import java.util.Map;

/** What the input drift tracking reports, declared here and implemented above the stream (the ops layer's meters). */
public interface InputDriftMeters {

    /** A task's input histograms of one segment (empty maps until its reference is complete). */
    void observe(
            String taskId,
            String segment,
            Map<Feature, Histogram> reference,
            Map<Feature, Histogram> current,
            long minObservations);

    /** A task left this instance: its histograms no longer count. */
    void closed(String taskId);
}
