package io.tsfm.streams.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * One task's count of the records it wrote since its last commit, moved to the {@code *_committed_total}
 * counters only when the task commits. Work of a transaction that is aborted (a fence, a crash) is dropped
 * here, so it is not counted a second time when it is redone; the processing counters count both.
 */
public final class CommittedCounts {
    private final StreamMeters metrics;
    private long ticks;
    private final Map<String, Long> dlq = new HashMap<>();
    private final Map<String, Long> forecasts = new HashMap<>();

    public CommittedCounts(final StreamMeters metrics) {
        this.metrics = metrics;
    }

    public void tick() {
        ticks++;
    }

    public void dlq(final String reason) {
        dlq.merge(reason, 1L, Long::sum);
    }

    public void forecast(final String runtime) {
        forecasts.merge(runtime, 1L, Long::sum);
    }

    /** The task committed: what it counted is in its output topics for good. */
    public void committed() {
        metrics.committed(ticks, dlq, forecasts);
        discard();
    }

    /** The task closed without committing (or starts again): its uncommitted work will be redone or is gone. */
    public void discard() {
        ticks = 0;
        dlq.clear();
        forecasts.clear();
    }
}
