package io.tsfm.streams.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer interceptor on the main consumer of a benchmarked Kafka Streams app: notes the wall time
 * of the first poll that returned records (the start of the ingest measurement). One app runs at a time.
 */
public final class FirstConsumed implements ConsumerInterceptor<Object, Object> {
    static final AtomicLong FIRST_MS = new AtomicLong(0);

    static void reset() {
        FIRST_MS.set(0);
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(final ConsumerRecords<Object, Object> records) {
        if (!records.isEmpty()) {
            FIRST_MS.compareAndSet(0, System.currentTimeMillis());
        }
        return records;
    }

    @Override
    public void onCommit(final Map<TopicPartition, OffsetAndMetadata> offsets) {}

    @Override
    public void close() {}

    @Override
    public void configure(final Map<String, ?> configs) {}
}
