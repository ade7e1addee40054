package io.tsfm.streams.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @TempDir
    Path tempDir;

    @Test
    void aRecordProducedToACreatedTopicCanBeConsumedBack() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(tempDir.resolve("data"))) {
            broker.createTopics(3, "greetings");

            produce(broker.bootstrapServers(), "greetings", "k1", "hello");

            assertThat(consumeAll(broker.bootstrapServers(), "greetings", 1)).containsExactly("k1=hello");
        }
    }

    @Test
    void committedRecordsSurviveAStopAndRestartOnTheSamePorts() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(tempDir.resolve("data"))) {
            broker.createTopics(2, "durable");
            produce(broker.bootstrapServers(), "durable", "a", "1");
            produce(broker.bootstrapServers(), "durable", "b", "2");
            final String bootstrapBefore = broker.bootstrapServers();

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.restart();

            assertThat(broker.bootstrapServers()).isEqualTo(bootstrapBefore);
            assertThat(consumeAll(broker.bootstrapServers(), "durable", 2)).containsExactlyInAnyOrder("a=1", "b=2");
            produce(broker.bootstrapServers(), "durable", "c", "3");
            assertThat(consumeAll(broker.bootstrapServers(), "durable", 3))
                    .containsExactlyInAnyOrder("a=1", "b=2", "c=3");
        }
    }

    @Test
    void aClientThatStaysConnectedAcrossTheRestartCarriesOnProducing() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            broker.createTopics(1, "steady");
            try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
                producer.send(new ProducerRecord<>("steady", "k", "before")).get(30, TimeUnit.SECONDS);

                broker.restart();
                producer.send(new ProducerRecord<>("steady", "k", "after")).get(60, TimeUnit.SECONDS);
            }

            assertThat(consumeAll(broker.bootstrapServers(), "steady", 2)).containsExactly("k=before", "k=after");
        }
    }

    @Test
    void theBrokerListensAndAdvertisesOnTheLoopbackAddressOnly() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
                Admin admin = admin(broker.bootstrapServers())) {
            final Collection<Node> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
            final Map<String, ConfigEntry> config = brokerConfig(admin);

            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.brokerPort());
            assertThat(nodes).singleElement().satisfies(node -> {
                assertThat(node.host()).isEqualTo("127.0.0.1");
                assertThat(node.port()).isEqualTo(broker.brokerPort());
            });
            assertThat(config.get("listeners").value())
                    .isEqualTo("PLAINTEXT://127.0.0.1:" + broker.brokerPort() + ",CONTROLLER://127.0.0.1:"
                            + broker.controllerPort());
        }
    }

    @Test
    void autoTopicCreationIsOffAndNumPartitionsIsConfigurable() throws Exception {
        try (EmbeddedKafkaBroker broker =
                        EmbeddedKafkaBroker.builder().partitions(4).start();
                Admin admin = admin(broker.bootstrapServers())) {
            final Map<String, ConfigEntry> config = brokerConfig(admin);

            assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
            assertThat(config.get("num.partitions").value()).isEqualTo("4");
            assertThat(config.get("offsets.topic.replication.factor").value()).isEqualTo("1");
            // waits for the previous transaction's markers instead of answering CONCURRENT_TRANSACTIONS at once
            assertThat(config.get("add.partitions.to.txn.retry.backoff.max.ms").value())
                    .isEqualTo("3000");
        }
    }

    @Test
    void topicsCanBeCreatedWithTheirOwnConfigsAndCreatingThemAgainIsHarmless() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
                Admin admin = admin(broker.bootstrapServers())) {
            broker.createTopics(2, Map.of("retention.ms", "-1"), "archive");
            broker.createTopics(2, Map.of("retention.ms", "-1"), "archive");

            final ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "archive");
            final String retention = admin.describeConfigs(List.of(topic))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic)
                    .get("retention.ms")
                    .value();
            final int partitions = admin.describeTopics(List.of("archive"))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get("archive")
                    .partitions()
                    .size();
            assertThat(retention).isEqualTo("-1");
            assertThat(partitions).isEqualTo(2);
        }
    }

    @Test
    void closingDeletesATemporaryDataDirButKeepsAGivenOne() throws Exception {
        final Path given = tempDir.resolve("kept");
        final Path temporary;
        try (EmbeddedKafkaBroker temp = EmbeddedKafkaBroker.startTemporary()) {
            temporary = temp.dataDir();
            assertThat(temporary).isDirectory();
        }
        try (EmbeddedKafkaBroker kept = EmbeddedKafkaBroker.start(given)) {
            assertThat(kept.isRunning()).isTrue();
        }

        assertThat(Files.exists(temporary)).isFalse();
        assertThat(given.resolve("kraft-logs").resolve("meta.properties")).isRegularFile();
    }

    private static Map<String, ConfigEntry> brokerConfig(final Admin admin) throws Exception {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, "1");
        final Map<String, ConfigEntry> entries = new HashMap<>();
        admin.describeConfigs(List.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource)
                .entries()
                .forEach(entry -> entries.put(entry.name(), entry));
        return entries;
    }

    private static Admin admin(final String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static void produce(final String bootstrapServers, final String topic, final String key, final String value)
            throws Exception {
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(final String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer());
    }

    /** Reads the topic from the beginning with a fresh group until {@code expected} records arrived. */
    private static List<String> consumeAll(final String bootstrapServers, final String topic, final int expected) {
        final List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
                return seen.size() >= expected;
            });
        }
        return seen;
    }
}
