package io.tsfm.streams.cycle;

/**
 * Per task: the highest tick time applied (this task's stream time), the last boundary opened, and, while that
 * boundary's work runs in slices, how far it got, so a restart neither repeats nor skips a score or a market:
 * first the scores the boundary realises, then its cycle.
 *
 * @param resumeAfter null when the boundary has no cycle left to run; else the last market key (in the store's
 *                    byte order) its cycle has done, "" before the first
 * @param scoring     whether the scores the boundary realises are still being made; its cycle starts after them
 */
public record CycleState(long lastBoundaryMs, long streamTimeMs, String resumeAfter, boolean scoring) {

    public CycleState(final long lastBoundaryMs, final long streamTimeMs) {
        this(lastBoundaryMs, streamTimeMs, null, false);
    }

    /** The boundary {@code boundaryMs} is opened: its scores first, then, when it has one, its cycle. */
    public static CycleState opening(final long boundaryMs, final long streamTimeMs, final boolean cycleRuns) {
        return new CycleState(boundaryMs, streamTimeMs, cycleRuns ? "" : null, true);
    }

    /** The cycle of {@code boundaryMs} starts: no market done yet. */
    public static CycleState starting(final long boundaryMs, final long streamTimeMs) {
        return new CycleState(boundaryMs, streamTimeMs, "", false);
    }

    /** Scores or a cycle are still to be made for the last boundary; ticks wait meanwhile. */
    public boolean running() {
        return scoring || resumeAfter != null;
    }

    /** The boundary's cycle runs (its scores are done). */
    public boolean cycling() {
        return !scoring && resumeAfter != null;
    }

    public CycleState withStreamTime(final long ms) {
        return new CycleState(lastBoundaryMs, ms, resumeAfter, scoring);
    }

    /** Every score the boundary realises is made: its cycle runs next, when it has one. */
    public CycleState scored() {
        return new CycleState(lastBoundaryMs, streamTimeMs, resumeAfter, false);
    }

    public CycleState resumingAfter(final String marketId) {
        return new CycleState(lastBoundaryMs, streamTimeMs, marketId, scoring);
    }

    public CycleState completed() {
        return new CycleState(lastBoundaryMs, streamTimeMs, null, false);
    }
}
