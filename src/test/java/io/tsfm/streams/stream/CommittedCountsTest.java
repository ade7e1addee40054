package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.metrics.MetricNames;
import io.tsfm.streams.metrics.TsfmMetrics;
import org.junit.jupiter.api.Test;

/**
 * What a task counted reaches the committed counters only after the commit that holds it went through, in the
 * orders Kafka Streams 4.3 calls a task's store and processors: {@code preparing} is the cache flush of
 * {@code prepareCommit} (also before a dirty close), {@code settle} a record, a punctuation or a checkpoint,
 * {@code suspended} the processors' close, {@code discard} the store's close.
 */
class CommittedCountsTest {
    private final TsfmMetrics metrics = TsfmMetrics.inMemory();
    private final CommittedCounts counts = new CommittedCounts(metrics);

    @Test
    void aCommitCountsOnceTheRunningTaskIsSeenAgain() {
        counts.tick();
        counts.tick();
        counts.forecast("tollama");
        counts.preparing();
        assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isZero();

        counts.settle(); // the next punctuation
        assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isEqualTo(2.0);
        assertThat(metrics.count(MetricNames.FORECASTS_COMMITTED, "runtime", "tollama"))
                .isEqualTo(1.0);
        counts.settle();
        assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isEqualTo(2.0);
    }

    @Test
    void theNextRecordSettlesTheCommitBeforeItButNotItself() {
        counts.dlq("malformed_json");
        counts.preparing();
        counts.tick();
        assertThat(metrics.count(MetricNames.DLQ_COMMITTED, "reason", "malformed_json"))
                .isEqualTo(1.0);
        assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isZero();
    }

    @Test
    void aCleanCloseCountsItsLastCommitAtTheCheckpoint() {
        counts.tick();
        counts.preparing(); // prepareCommit(true), then the transaction commits
        counts.settle(); // postCommit(true): the checkpoint, processors still open
        counts.suspended();
        counts.discard();
        assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isEqualTo(1.0);
    }

    @Test
    void aCommitFencedByItsOwnCommitIsNotCounted() {
        counts.tick();
        counts.preparing(); // the transaction's commit throws: the task is closed dirty
        counts.preparing(); // closeTaskDirty: prepareCommit(false) flushes the caches again
        counts.suspended();
        counts.discard();
        counts.settle();
        assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isZero();
    }

    @Test
    void aCorruptedTasksDirtyReviveDropsItsWorkDespiteTheForcedCheckpoint() {
        counts.tick();
        counts.preparing(); // the commit times out: TaskCorruptedException
        counts.preparing(); // closeDirtyAndRevive: prepareCommit(false)
        counts.suspended(); // suspend() closes the processors
        counts.settle(); // postCommit(true): a checkpoint after a failed commit
        counts.discard(); // closeDirty
        counts.resumed(); // revived and initialised again
        counts.tick();
        counts.preparing();
        counts.settle();
        assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isEqualTo(1.0);
    }
}
