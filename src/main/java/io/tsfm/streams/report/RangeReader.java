package io.tsfm.streams.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the committed records of a topic whose timestamps fall in a range, without a consumer group: each
 * partition is sought with {@code offsetsForTimes} to the first record at or after the start (no earlier
 * record is in the range) and read to its last stable offset.
 *
 * <p>Only the start is looked up by time. A partition holds the records of every stream task that writes to it,
 * and a task replaying history can run hours of event time ahead of another, so no record stamped past the
 * end proves that the rest of the partition is past it too. (A transaction's commit marker, stamped with the
 * broker's clock, can make the start found too early in a topic of past event times: more is read, nothing
 * is lost.)
 */
final class RangeReader {
    private final String bootstrap;
    private final Duration timeout;

    RangeReader(final String bootstrap, final Duration timeout) {
        this.bootstrap = bootstrap;
        this.timeout = timeout;
    }

    /** Values of records stamped in [from, to), mapped; a value that does not parse is skipped by the mapper. */
    <V, T> List<T> read(
            final String topic,
            final Deserializer<V> values,
            final Instant from,
            final Instant to,
            final Function<ConsumerRecord<String, V>, T> map) {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tsfm-report-" + UUID.randomUUID());
        final List<T> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, new StringDeserializer(), values)) {
            final List<TopicPartition> parts = consumer.partitionsFor(topic, timeout).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(parts);
            final Map<TopicPartition, Long> first = offsets(consumer, parts, from);
            final Map<TopicPartition, Long> stop = new HashMap<>(consumer.endOffsets(parts, timeout));
            final List<TopicPartition> left = new ArrayList<>();
            for (final TopicPartition tp : parts) {
                if (first.get(tp) < stop.get(tp)) {
                    consumer.seek(tp, first.get(tp));
                    left.add(tp);
                }
            }
            consumer.assign(left);
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (left.stream().anyMatch(tp -> consumer.position(tp) < stop.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " within " + timeout);
                }
                for (final ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    final TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < stop.get(tp)
                            && r.timestamp() >= from.toEpochMilli()
                            && r.timestamp() < to.toEpochMilli()) {
                        final T t = map.apply(r);
                        if (t != null) {
                            out.add(t);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Per partition, the first offset stamped at or after {@code at}, or the end when there is none. */
    private <V> Map<TopicPartition, Long> offsets(
            final KafkaConsumer<String, V> consumer, final List<TopicPartition> parts, final Instant at) {
        final Map<TopicPartition, Long> query = new HashMap<>();
        parts.forEach(tp -> query.put(tp, at.toEpochMilli()));
        final Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
        final Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
        final Map<TopicPartition, Long> out = new HashMap<>();
        for (final TopicPartition tp : parts) {
            final OffsetAndTimestamp o = found.get(tp);
            out.put(tp, o == null ? end.get(tp) : Math.min(o.offset(), end.get(tp)));
        }
        return out;
    }

    /** The deserializer of topics read as bytes (the DLQ keeps a record's original bytes). */
    static Deserializer<byte[]> bytes() {
        return new ByteArrayDeserializer();
    }
}
