package io.tsfm.streams.simulate;

import io.tsfm.streams.app.NoBrokerAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes sure the tick topic exists before a simulation writes to it, and turns an unreachable broker
 * into a clear error within a bounded time instead of a producer that blocks and retries.
 */
public final class SimulationTopic {

    private SimulationTopic() {}

    /**
     * Creates {@code topic} with {@code partitions} partitions (broker-default replication) unless it
     * exists; returns true when it created the topic.
     *
     * @throws IllegalStateException when the broker does not answer within {@code timeout} or refuses
     */
    public static boolean ensureExists(
            final String bootstrapServers, final String topic, final int partitions, final Duration timeout) {
        return ensureExists(bootstrapServers, topic, partitions, null, timeout);
    }

    /**
     * As {@link #ensureExists(String, String, int, Duration)}, a created topic keeping records for
     * {@code retentionMs} (-1: for ever; null: the broker's default).
     */
    public static boolean ensureExists(
            final String bootstrapServers,
            final String topic,
            final int partitions,
            final Long retentionMs,
            final Duration timeout) {
        final int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs))) {
            final Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            if (existing.contains(topic)) {
                return false;
            }
            try {
                final NewTopic created = new NewTopic(topic, Optional.of(partitions), Optional.empty());
                if (retentionMs != null) {
                    created.configs(Map.of("retention.ms", Long.toString(retentionMs)));
                }
                admin.createTopics(List.of(created)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                return true;
            } catch (final ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    return false;
                }
                throw e;
            }
        } catch (final TimeoutException e) {
            throw NoBrokerAnswer.of(bootstrapServers, timeout, e);
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw NoBrokerAnswer.of(bootstrapServers, timeout, e.getCause());
            }
            throw new IllegalStateException(
                    "cannot set up topic " + topic + " at " + bootstrapServers + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up topic " + topic, e);
        }
    }
}
