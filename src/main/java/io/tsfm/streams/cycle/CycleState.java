package io.tsfm.streams.cycle;

/**
 * Per task: the highest tick time applied (this task's stream time), the last boundary whose cycle started,
 * and, while that cycle runs in slices, how far it got, so a restart neither repeats nor skips a market.
 *
 * @param resumeAfter null when the cycle of {@code lastBoundaryMs} is complete; else the last market key
 *                    (in the store's byte order) it has done, "" before the first
 */
public record CycleState(long lastBoundaryMs, long streamTimeMs, String resumeAfter) {

    public CycleState(final long lastBoundaryMs, final long streamTimeMs) {
        this(lastBoundaryMs, streamTimeMs, null);
    }

    /** The cycle of {@code boundaryMs} starts: no market done yet. */
    public static CycleState starting(final long boundaryMs, final long streamTimeMs) {
        return new CycleState(boundaryMs, streamTimeMs, "");
    }

    public boolean running() {
        return resumeAfter != null;
    }

    public CycleState withStreamTime(final long ms) {
        return new CycleState(lastBoundaryMs, ms, resumeAfter);
    }

    public CycleState resumingAfter(final String marketId) {
        return new CycleState(lastBoundaryMs, streamTimeMs, marketId);
    }

    public CycleState completed() {
        return new CycleState(lastBoundaryMs, streamTimeMs, null);
    }
}
