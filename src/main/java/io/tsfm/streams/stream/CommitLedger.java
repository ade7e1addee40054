package io.tsfm.streams.stream;

import io.tsfm.streams.topology.Names;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A task's {@link CommittedCounts} as an in-memory state store without a changelog: Kafka Streams commits a
 * task's stores when it commits the task, and closes them without a commit when the task is fenced or
 * crashes, which is exactly when counts must move to the committed counters or be dropped. (A store is
 * committed just before the transaction: a fence detected by the transaction's own commit still counts.)
 */
public final class CommitLedger implements StateStore {
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

    @Override
    @SuppressWarnings("deprecation")
    public void flush() {
        counts.committed();
    }

    @Override
    public void commit(final Map<TopicPartition, Long> changelogOffsets) {
        counts.committed();
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
