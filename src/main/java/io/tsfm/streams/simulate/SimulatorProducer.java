package io.tsfm.streams.simulate;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a simulation to a Kafka topic: key = market id, value = the record's bytes, record timestamp =
 * event time, idempotent with {@code acks=all}, optionally paced so event time runs {@code speed} times
 * faster than wall time.
 *
 * <p>The broker judges record timestamps against its own clock: it refuses records more than 1 h in
 * the future and deletes records older than the topic's retention (7 days by default). Send specs that
 * end near now, e.g. {@link SimulationSpec#endingNow}.
 */
public final class SimulatorProducer implements AutoCloseable {

    /** How long a send may block when the broker cannot be reached. */
    public static final Duration MAX_BLOCK = Duration.ofSeconds(30);

    private final Producer<String, byte[]> producer;

    public SimulatorProducer(final Producer<String, byte[]> producer) {
        this.producer = Objects.requireNonNull(producer, "producer");
    }

    /** A producer for {@code bootstrapServers} with the settings above. */
    public static SimulatorProducer connect(final String bootstrapServers) {
        final Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                (int) MAX_BLOCK.toMillis(),
                ProducerConfig.CLIENT_ID_CONFIG,
                "tsfm-simulator");
        return new SimulatorProducer(new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()));
    }

    /** Sends the whole simulation as fast as possible; returns once every record is acknowledged. */
    public SimulationCounts send(final SimulationSpec spec, final String topic) {
        return send(spec, topic, 0.0);
    }

    /**
     * Sends the whole simulation with event time running {@code speed} times faster than wall time
     * (0 = as fast as possible) and returns once every record is acknowledged.
     *
     * @throws IllegalStateException when a record could not be delivered
     */
    public SimulationCounts send(final SimulationSpec spec, final String topic, final double speed) {
        return send(new MarketSimulator(spec), spec.start(), topic, speed);
    }

    /**
     * Sends {@code records} (in event-time order) with event time from {@code start} running {@code speed}
     * times faster than wall time (0 = as fast as possible); returns once every record is acknowledged.
     */
    public SimulationCounts send(
            final Iterable<SimRecord> records, final java.time.Instant start, final String topic, final double speed) {
        Objects.requireNonNull(topic, "topic");
        final Pacer pacer = new Pacer(start, speed);
        final AtomicReference<Exception> failure = new AtomicReference<>();
        long ticks = 0;
        long malformed = 0;
        for (final SimRecord record : records) {
            throwIfFailed(failure, topic);
            awaitDue(pacer, record.timestampMs());
            final var unused = producer.send(
                    new ProducerRecord<>(topic, null, record.timestampMs(), record.key(), record.value()),
                    (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
            ticks++;
            if (record.malformed()) {
                malformed++;
            }
        }
        producer.flush();
        throwIfFailed(failure, topic);
        return new SimulationCounts(ticks, malformed);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    private static void awaitDue(final Pacer pacer, final long eventMs) {
        try {
            pacer.awaitDue(eventMs);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        }
    }

    private static void throwIfFailed(final AtomicReference<Exception> failure, final String topic) {
        final Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException("cannot deliver ticks to " + topic + ": " + error.getMessage(), error);
        }
    }
}
