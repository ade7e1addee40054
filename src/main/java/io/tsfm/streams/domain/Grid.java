package io.tsfm.streams.domain;

import java.time.Duration;

/**
 * The event-time grid of fixed steps (5 minutes by default). A step covers [start, start + step) and is
 * labelled by its close, start + step: the close at T is the last probability seen before T.
 */
public record Grid(long stepMs) {

    public Grid {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("step must be positive");
        }
    }

    public static Grid of(final Duration step) {
        return new Grid(step.toMillis());
    }

    /** Start of the step that contains {@code tsMs}. */
    public long stepStart(final long tsMs) {
        return Math.floorDiv(tsMs, stepMs) * stepMs;
    }

    /** The last boundary (step close) at or before {@code tsMs}. */
    public long boundaryAtOrBefore(final long tsMs) {
        return stepStart(tsMs);
    }

    /** Close of the step that starts at {@code stepStartMs}. */
    public long closeOf(final long stepStartMs) {
        return stepStartMs + stepMs;
    }

    /**
     * The boundary whose cycle may run once stream time has reached {@code streamTimeMs}: the latest
     * boundary B with B + grace <= stream time.
     */
    public long lastDueBoundary(final long streamTimeMs, final long graceMs) {
        return boundaryAtOrBefore(streamTimeMs - graceMs);
    }
}
