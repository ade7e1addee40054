package io.tsfm.streams.stream;

import io.tsfm.streams.topology.Names;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A task's {@link CommittedCounts} as an in-memory state store without a changelog: Kafka Streams flushes a
 * task's store caches as it prepares a commit (and before a dirty close), checkpoints its stores after a commit
 * (and in a corrupted task's dirty revive), and closes them: the signals {@link CommittedCounts} reads, with
 * the processors' own open and close, to count what committed and drop what did not.
 *
 * <p>Why a cache: under exactly-once, Kafka Streams 4.3 calls {@link #commit} only when it writes a
 * checkpoint, never at a running task's commits; {@link CachedStateStore#flushCache} is the one call a store
 * gets at every commit. It is an internal interface, so {@code ForecastPipelineIT} reads the committed
 * counters of a running exactly-once instance on a real broker, and {@code FencedInstanceIT} those of a
 * fenced one.
 */
public final class CommitLedger implements StateStore, CachedStateStore<Object, Object> {
    private final CommittedCounts counts;
    private boolean open;

    CommitLedger(final StreamMeters metrics) {
        this.counts = new CommittedCounts(metrics);
    }

    /** The counts to add to as records are written. */
    public CommittedCounts counts() {
        return counts;
    }

    @Override
    public String name() {
        return Names.COMMIT_LEDGER_STORE;
    }

    @Override
    public void init(final StateStoreContext context, final StateStore root) {
        counts.discard();
        context.register(root, (key, value) -> {});
        open = true;
    }

    /** A checkpoint: after a commit that succeeded, unless the processors were closed first. */
    @Override
    public void commit(final Map<TopicPartition, Long> changelogOffsets) {
        counts.settle();
    }

    /** Called as every commit is prepared, exactly-once or not, and before a task is closed dirty. */
    @Override
    public void flushCache() {
        counts.preparing();
    }

    /** Called when a task's stores are recycled (active to standby or back): its uncommitted work is dropped. */
    @Override
    public void clearCache() {
        counts.discard();
    }

    @Override
    public boolean setFlushListener(final CacheFlushListener<Object, Object> listener, final boolean sendOldValues) {
        return false;
    }

    @Override
    public void close() {
        counts.discard();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** One ledger per task, never logged, never cached. */
    static StoreBuilder<CommitLedger> builder(final StreamMeters metrics) {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<CommitLedger> withCachingEnabled() {
                return this;
            }

            @Override
            public StoreBuilder<CommitLedger> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<CommitLedger> withLoggingEnabled(final Map<String, String> config) {
                throw new UnsupportedOperationException("the commit ledger has no changelog");
            }

            @Override
            public StoreBuilder<CommitLedger> withLoggingDisabled() {
                return this;
            }

            @Override
            public CommitLedger build() {
                return new CommitLedger(metrics);
            }

            @Override
            public Map<String, String> logConfig() {
                return Map.of();
            }

            @Override
            public boolean loggingEnabled() {
                return false;
            }

            @Override
            public String name() {
                return Names.COMMIT_LEDGER_STORE;
            }
        };
    }
}
