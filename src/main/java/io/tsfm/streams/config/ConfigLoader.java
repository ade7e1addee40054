package io.tsfm.streams.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an {@link AppConfig} from layers: defaults, then a properties file, then {@code TSFM_*}
 * environment variables. Keys that are neither ours nor Kafka's fail start-up, so a typo is never ignored.
 */
public final class ConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private static final List<String> KAFKA_PREFIXES = List.of(
            StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.ADMIN_CLIENT_PREFIX,
            StreamsConfig.MAIN_CONSUMER_PREFIX,
            StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX,
            StreamsConfig.TOPIC_PREFIX,
            "rocksdb.",
            "client.dns.");

    private ConfigLoader() {}

    /** The operator's way in: an optional properties file, then the process environment. */
    public static AppConfig load(final Path file, final Map<String, String> env) {
        final List<Map<String, String>> layers = new ArrayList<>();
        if (file != null) {
            layers.add(readFile(file));
        }
        return fromLayers(layers, env);
    }

    static Map<String, String> readFile(final Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist or is not a file");
        }
        final Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (final IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        final Map<String, String> out = new HashMap<>();
        props.stringPropertyNames()
                .forEach(k -> out.put(k.trim(), props.getProperty(k).trim()));
        return out;
    }

    /** Later layers win; the environment wins over all of them. */
    public static AppConfig fromLayers(final List<Map<String, String>> layers, final Map<String, String> env) {
        final Set<String> ours = AppConfig.DEFINITION.names();
        final Map<String, String> app = new HashMap<>();
        final Map<String, Object> kafka = new HashMap<>();
        for (final Map<String, String> layer : layers) {
            layer.forEach((key, value) -> place(key, value, ours, app, kafka, true));
        }
        env.forEach((name, value) -> {
            if (name.startsWith(ConfigKeys.ENV_PREFIX)) {
                final String key = envToKey(name);
                if (!place(key, value, ours, app, kafka, false)) {
                    LOG.debug("environment variable {} is not a setting; ignored", name);
                }
            }
        });
        return new AppConfig(app, kafka);
    }

    /** TSFM_TOLLAMA_API_KEY -> tollama.api.key. */
    static String envToKey(final String envName) {
        return envName.substring(ConfigKeys.ENV_PREFIX.length())
                .toLowerCase(Locale.ROOT)
                .replace('_', '.');
    }

    private static boolean place(
            final String key,
            final String value,
            final Set<String> ours,
            final Map<String, String> app,
            final Map<String, Object> kafka,
            final boolean strict) {
        if (ours.contains(key)) {
            app.put(key, value);
            return true;
        }
        if (isKafkaKey(key)) {
            kafka.put(key, value);
            return true;
        }
        if (strict) {
            // the value stays out of the message: a misspelt key may well carry a secret
            throw new ConfigException("Unknown setting " + key + " (not a tsfm-streams key, not a Kafka "
                    + "Streams or client property); known tsfm-streams keys: " + new TreeSet<>(ours));
        }
        return false;
    }

    /** Whether a key is a Kafka Streams, consumer, producer or admin property, or a prefixed one: passed through. */
    public static boolean isKafkaKey(final String key) {
        if (StreamsConfig.configDef().names().contains(key)
                || ConsumerConfig.configNames().contains(key)
                || ProducerConfig.configNames().contains(key)
                || AdminClientConfig.configNames().contains(key)) {
            return true;
        }
        return KAFKA_PREFIXES.stream().anyMatch(key::startsWith);
    }
}
