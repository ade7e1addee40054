package io.tsfm.streams.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics and returns only once every partition has a leader that serves it, so a test can produce
 * right after. Topics that already exist are left as they are, which lets a demo reuse a data dir.
 */
final class TopicCreator {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicCreator() {}

    static void create(
            final String bootstrapServers,
            final int partitions,
            final Map<String, String> configs,
            final String... names) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        final List<NewTopic> topics = new ArrayList<>();
        for (final String name : names) {
            topics.add(new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs));
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis()))) {
            for (final Map.Entry<String, KafkaFuture<Void>> result :
                    admin.createTopics(topics).values().entrySet()) {
                awaitCreated(result.getKey(), result.getValue());
            }
            awaitLeaders(admin, List.of(names));
        }
    }

    private static void awaitCreated(final String name, final KafkaFuture<Void> future) {
        try {
            future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create topic " + name + ": " + e.getCause().getMessage(), e);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (final TimeoutException e) {
            throw new IllegalStateException("topic " + name + " was not created within " + TIMEOUT, e);
        }
    }

    private static void awaitLeaders(final Admin admin, final List<String> names) {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                final Map<String, TopicDescription> descriptions =
                        admin.describeTopics(names).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                final boolean ready = descriptions.values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (ready) {
                    // The metadata names a leader before the broker's replica manager has made the partition
                    // leader; a produce in between fails NOT_LEADER_OR_FOLLOWER, and an idempotent producer
                    // whose later in-flight batches were appended meanwhile can never place its first batch
                    // (OUT_OF_ORDER_SEQUENCE_NUMBER until delivery.timeout.ms). A list-offsets answer comes
                    // from the replica manager itself: once every partition gives one, produces are served.
                    final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    descriptions
                            .values()
                            .forEach(d -> d.partitions()
                                    .forEach(p -> latest.put(
                                            new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                    admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
            } catch (final ExecutionException e) {
                // metadata not propagated yet (unknown topic): try again until the deadline
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topic leaders", e);
            } catch (final TimeoutException e) {
                throw new IllegalStateException("topics " + names + " have no leaders after " + TIMEOUT, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + names + " have no leaders after " + TIMEOUT);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for topic leaders", e);
        }
    }
}
