package io.tsfm.streams.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * One task's count of the records it wrote, moved to the {@code *_committed_total} counters only once the
 * transaction holding them has committed. Work of a transaction that is aborted (a fence, a crash) is dropped
 * here, so it is not counted a second time when it is redone; the processing counters count both.
 *
 * <p>Kafka Streams tells a store that a commit is being prepared (also when it then closes the task dirty), but,
 * under exactly-once, not that it succeeded. So what a prepared commit held counts once the task is seen
 * running after it: its next record or wall-clock punctuation, or the checkpoint Kafka Streams writes after a
 * commit while the task's processors are still open (a clean suspend or close). A task whose processors were
 * closed first (a dirty close, or a dirty close and revive after a corrupted task, whose forced checkpoint
 * follows a failed commit) drops it. Kafka Streams 4.3's call orders, in {@code CommittedCountsTest}.
 */
public final class CommittedCounts {
    private final StreamMeters metrics;
    private final Batch open = new Batch();
    private final Batch prepared = new Batch();
    private boolean suspended;

    public CommittedCounts(final StreamMeters metrics) {
        this.metrics = metrics;
    }

    public void tick() {
        settle();
        open.ticks++;
    }

    public void dlq(final String reason) {
        settle();
        open.dlq.merge(reason, 1L, Long::sum);
    }

    public void forecast(final String runtime) {
        settle();
        open.forecasts.merge(runtime, 1L, Long::sum);
    }

    /**
     * A commit is being prepared (or the task flushed before a dirty close): what was counted so far is in the
     * transaction that may commit next. Not proof that an earlier one did.
     */
    public void preparing() {
        prepared.takeFrom(open);
    }

    /**
     * The task runs (or checkpoints with its processors open) after its last prepared commit, so that commit
     * succeeded: what it held is in the output topics for good.
     */
    public void settle() {
        if (!suspended && !prepared.isEmpty()) {
            metrics.committed(prepared.ticks, prepared.dlq, prepared.forecasts);
            prepared.clear();
        }
    }

    /** The task's processors are closed: nothing prepared from here on is known to have committed. */
    public void suspended() {
        suspended = true;
    }

    /** The task's processors are open (again). */
    public void resumed() {
        suspended = false;
    }

    /** The task closed without committing (or starts again): its uncommitted work will be redone or is gone. */
    public void discard() {
        open.clear();
        prepared.clear();
    }

    /** Counts of one stretch of work. */
    private static final class Batch {
        private long ticks;
        private final Map<String, Long> dlq = new HashMap<>();
        private final Map<String, Long> forecasts = new HashMap<>();

        boolean isEmpty() {
            return ticks == 0 && dlq.isEmpty() && forecasts.isEmpty();
        }

        void takeFrom(final Batch other) {
            ticks += other.ticks;
            other.dlq.forEach((k, v) -> dlq.merge(k, v, Long::sum));
            other.forecasts.forEach((k, v) -> forecasts.merge(k, v, Long::sum));
            other.clear();
        }

        void clear() {
            ticks = 0;
            dlq.clear();
            forecasts.clear();
        }
    }
}
