package io.tsfm.streams.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorProducerTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startTemporary();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void everyGeneratedRecordArrivesOnceWithItsKeyValueAndEventTime() {
        broker.createTopics(3, "ticks-exact");
        final SimulationSpec spec = SimulationSpec.endingNow(7, 20, Duration.ofHours(3), Clock.systemUTC())
                .withMalformedRate(0.05);
        final List<SimRecord> expected = new MarketSimulator(spec).stream().collect(Collectors.toList());
        final long expectedMalformed =
                expected.stream().filter(SimRecord::malformed).count();

        final SimulationCounts counts;
        try (SimulatorProducer producer = SimulatorProducer.connect(broker.bootstrapServers())) {
            counts = producer.send(spec, "ticks-exact");
        }
        final List<String> consumed = consume("ticks-exact", expected.size());

        assertThat(counts).isEqualTo(new SimulationCounts(expected.size(), expectedMalformed));
        assertThat(expectedMalformed).isPositive();
        assertThat(consumed).hasSize(expected.size());
        assertThat(byKey(consumed))
                .isEqualTo(byKey(
                        expected.stream().map(SimulatorProducerTest::describe).collect(Collectors.toList())));
    }

    /** Reads the whole topic with a fresh group until {@code expected} records arrived. */
    private static List<String> consume(final String topic, final int expected) {
        final List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "simulator-test",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "|" + record.timestamp() + "|" + Arrays.toString(record.value()));
                }
                return seen.size() >= expected;
            });
        }
        return seen;
    }

    private static String describe(final SimRecord record) {
        return record.key() + "|" + record.timestampMs() + "|" + Arrays.toString(record.value());
    }

    /** Per-key order is what Kafka guarantees, so compare record lists per key. */
    private static Map<String, List<String>> byKey(final List<String> records) {
        return records.stream().collect(Collectors.groupingBy(r -> r.substring(0, r.indexOf('|'))));
    }
}
