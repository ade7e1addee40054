package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.metrics.MetricNames;
import io.tsfm.streams.metrics.TsfmMetrics;
import org.junit.jupiter.api.Test;

/** What a task counted reaches the committed counters only after the commit that holds it went through. */
class CommittedCountsTest {
    private final TsfmMetrics metrics = TsfmMetrics.inMemory();
    private final CommittedCounts counts = new CommittedCounts(metrics);

    @Test
    void aPreparedCommitCountsOnceTheTaskRunsAgain() {
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
    void theNextRecordOrCommitSettlesThePreparedOneButNotItself() {
        counts.dlq("malformed_json");
        counts.preparing();
        counts.tick(); // settles the first commit, opens the second
        assertThat(metrics.count(MetricNames.DLQ_COMMITTED, "reason", "malformed_json"))
                .isEqualTo(1.0);
        assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isZero();
        counts.preparing();
        counts.preparing(); // the second commit came through: its tick counts, the third holds nothing
        assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isEqualTo(1.0);
    }

    @Test
    void aPreparedCommitThatFailedIsDroppedWithTheWorkAfterIt() {
        counts.tick();
        counts.preparing();
        counts.discard(); // the commit was fenced: the task is closed dirty
        counts.settle();
        counts.preparing();
        counts.settle();
        assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isZero();
    }
}
