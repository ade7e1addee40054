package io.tsfm.streams.app;

import static io.tsfm.streams.config.ConfigKeys.*;

import io.tsfm.streams.config.AppConfig;
import java.util.ArrayList;
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
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Checks at start-up that the input and output topics exist (or creates them when asked), so a missing
 * topic is one clear error instead of a stream thread dying later.
 */
public final class TopicSetup {
    /** How long start-up waits for Kafka to answer before it gives up, unless default.api.timeout.ms says. */
    static final int API_TIMEOUT_MS = 30_000;

    private TopicSetup() {}

    /** The topics the app reads and writes. */
    public static List<String> topics(final AppConfig config) {
        return List.of(
                config.getString(TOPIC_TICKS),
                config.getString(TOPIC_FORECASTS),
                config.getString(TOPIC_FALLBACKS),
                config.getString(TOPIC_DLQ),
                config.getString(TOPIC_SCORES),
                config.getString(TOPIC_SHADOW_FORECASTS));
    }

    /**
     * Creates the topics the application needs when they are missing and it may.
     *
     * @throws IllegalStateException naming the missing topics when they may not be created
     */
    public static void ensure(final AppConfig config) {
        ensure(config, waiting -> {});
    }

    /**
     * As {@link #ensure(AppConfig)}; when Kafka has not answered within a second, {@code waiting} is told
     * once what the start-up is waiting for (a command prints it, so a user sees why nothing happens).
     *
     * @throws IllegalStateException naming the missing topics, or Kafka's address when it did not answer
     */
    public static void ensure(final AppConfig config, final java.util.function.Consumer<String> waiting) {
        final int apiTimeoutMs = Integer.parseInt(String.valueOf(config.kafkaProperties()
                .getOrDefault(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS)));
        final Map<String, Object> adminProps = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.getString(BOOTSTRAP_SERVERS),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, apiTimeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(10_000, apiTimeoutMs));
        final Map<String, Object> merged = new java.util.HashMap<>(config.kafkaProperties());
        merged.keySet().removeIf(k -> !AdminClientConfig.configNames().contains(k));
        merged.putAll(adminProps);
        try (Admin admin = Admin.create(merged)) {
            final KafkaFuture<Set<String>> listed = admin.listTopics().names();
            Set<String> existing;
            try {
                existing = listed.get(1, TimeUnit.SECONDS);
            } catch (final TimeoutException slow) {
                waiting.accept("waiting for Kafka at " + config.getString(BOOTSTRAP_SERVERS) + " (up to "
                        + Math.max(1, apiTimeoutMs / 1000) + " s, default.api.timeout.ms)");
                existing = listed.get(apiTimeoutMs + 10_000L, TimeUnit.MILLISECONDS);
            }
            final List<String> missing = new ArrayList<>();
            for (final String t : topics(config)) {
                if (!existing.contains(t)) {
                    missing.add(t);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            if (!config.getBoolean(TOPICS_CREATE_MISSING)) {
                throw new IllegalStateException(
                        "missing topics " + missing + " on " + config.getString(BOOTSTRAP_SERVERS)
                                + ": create them, or set " + TOPICS_CREATE_MISSING + "=true");
            }
            final List<NewTopic> create = new ArrayList<>();
            final Long retention = config.getLong(TOPICS_CREATED_RETENTION_MS);
            for (final String t : missing) {
                final NewTopic topic = new NewTopic(
                        t,
                        Optional.of(config.getInt(TOPICS_PARTITIONS)),
                        Optional.of(config.getShort(TOPICS_REPLICATION_FACTOR)));
                if (retention != null) {
                    topic.configs(Map.of("retention.ms", Long.toString(retention)));
                }
                create.add(topic);
            }
            try {
                admin.createTopics(create).all().get(40, TimeUnit.SECONDS);
            } catch (final ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot reach Kafka at " + config.getString(BOOTSTRAP_SERVERS)
                            + " (bootstrap.servers): "
                            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
                    e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        }
    }
}
