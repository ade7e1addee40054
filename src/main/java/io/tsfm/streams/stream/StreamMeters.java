package io.tsfm.streams.stream;

import io.tsfm.streams.cycle.ScoringMeters;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What the stream counts (ticks, dead letters, cycles, forecasts, fallbacks, the model-call stage, commits),
 * beside what its scoring counts: declared here so that the stream needs no metrics package. The ops layer
 * implements it with Micrometer ({@code metrics/TsfmMetrics}); {@link #NONE} counts nothing.
 */
public interface StreamMeters extends ScoringMeters {

    /** Counts nothing: for a topology that is only described, never run. */
    StreamMeters NONE = new NoStreamMeters();

    void tick();

    void dlq(String reason);

    /** A published forecast: its runtime, last-step width, and whether post-processing had to fix it. */
    void forecastEmitted(String runtime, double lastStepWidth, int crossingFixedSteps, int invalidSteps);

    /** A published forecast's route: route_selected (tsfm or baseline) and route_reason. */
    void routeSelected(String selected, String reason);

    void fallback(String reason);

    void invalidPayload(String why);

    /** A model answer dropped because its job was already resolved. */
    void lateAnswer();

    /** One task's cycle of a boundary finished, after {@code nanos} of stream-thread time. */
    void cycle(long boundaryMs, long nanos);

    /** Wall time from a cycle's start to the emission of one of its forecasts. */
    void emitDelay(long millis);

    /** Counts a task's open model jobs until the returned action is run (the task's close). */
    Runnable trackPending(IntSupplier openJobs);

    /** Counts a task with a cycle between slices while {@code running} says 1, until the returned action is run. */
    Runnable trackRunningCycle(IntSupplier running);

    /** A task's commit made durable: what it counted since its last commit (see {@link CommittedCounts}). */
    void committed(long tickCount, Map<String, Long> dlqByReason, Map<String, Long> forecastsByRuntime);

    ShadowPathMeters shadow();

    InputDriftMeters drift();
}
