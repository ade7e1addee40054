package io.tsfm.streams.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * Per task: the highest tick time seen (this task's stream time), the last boundary whose cycle started,
 * and, while that cycle runs in slices, how far it got, so a restart neither repeats nor skips a market.
 *
 * @param resumeAfter null when the cycle of {@code lastBoundaryMs} is complete; else the last market key
 *                    (in the store's byte order) it has done, "" before the first
 * @param ahead       markets after {@code resumeAfter} done out of order because a late tick came for them
 *                    (empty or null when none)
 */
public record CycleState(long lastBoundaryMs, long streamTimeMs, String resumeAfter, List<String> ahead) {

    public CycleState(final long lastBoundaryMs, final long streamTimeMs) {
        this(lastBoundaryMs, streamTimeMs, null, null);
    }

    /** The cycle of {@code boundaryMs} starts: no market done yet. */
    static CycleState starting(final long boundaryMs, final long streamTimeMs) {
        return new CycleState(boundaryMs, streamTimeMs, "", null);
    }

    boolean running() {
        return resumeAfter != null;
    }

    CycleState withStreamTime(final long ms) {
        return new CycleState(lastBoundaryMs, ms, resumeAfter, ahead);
    }

    CycleState resumingAfter(final String marketId) {
        return new CycleState(lastBoundaryMs, streamTimeMs, marketId, ahead);
    }

    CycleState completed() {
        return new CycleState(lastBoundaryMs, streamTimeMs, null, null);
    }

    CycleState withAhead(final String marketId) {
        final List<String> more = ahead == null ? new ArrayList<>() : new ArrayList<>(ahead);
        more.add(marketId);
        return new CycleState(lastBoundaryMs, streamTimeMs, resumeAfter, List.copyOf(more));
    }

    boolean doneAhead(final String marketId) {
        return ahead != null && ahead.contains(marketId);
    }
}
