package io.tsfm.streams.replay;

import static io.tsfm.streams.config.ConfigKeys.*;

import io.tsfm.streams.config.AppConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Reads, with the admin client, how the topics a replay writes treat old records: its output topics and its
 * application's internal topics that exist already, and the broker's default for the ones it will create
 * (those get {@code retention.ms=-1} from the replay's settings). {@link ReplayRetention} judges them.
 */
final class ReplayTopics {
    static final String NEW_TOPICS = "topics the replay creates (the broker's log.message.timestamp.before.max.ms)";
    private static final List<String> OUTPUTS =
            List.of(TOPIC_FORECASTS, TOPIC_FALLBACKS, TOPIC_DLQ, TOPIC_SCORES, TOPIC_SHADOW_FORECASTS);

    private ReplayTopics() {}

    /** The problems {@link ReplayRetention} finds with the topics of {@code config}'s replay; empty: none. */
    static List<String> problems(
            final Admin admin, final AppConfig config, final Instant oldest, final Instant now, final Duration margin)
            throws Exception {
        final String internalPrefix = config.getString(APPLICATION_ID) + "-";
        final Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        final List<String> written = new ArrayList<>();
        OUTPUTS.forEach(key -> written.add(config.getString(key)));
        existing.stream().filter(t -> t.startsWith(internalPrefix)).sorted().forEach(written::add);
        final List<ConfigResource> resources = new ArrayList<>();
        written.stream()
                .filter(existing::contains)
                .distinct()
                .forEach(t -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, t)));
        final Node broker = admin.describeCluster()
                .nodes()
                .get(30, TimeUnit.SECONDS)
                .iterator()
                .next();
        final ConfigResource brokerResource = new ConfigResource(ConfigResource.Type.BROKER, broker.idString());
        resources.add(brokerResource);
        final Map<ConfigResource, Config> configs =
                admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        final List<ReplayRetention.TopicSettings> settings = new ArrayList<>();
        for (final ConfigResource r : resources) {
            final Config c = configs.get(r);
            if (r.equals(brokerResource)) {
                settings.add(new ReplayRetention.TopicSettings(
                        NEW_TOPICS,
                        TopicConfig.CLEANUP_POLICY_DELETE,
                        -1L,
                        longValue(c, "log.message.timestamp.before.max.ms")));
            } else {
                settings.add(new ReplayRetention.TopicSettings(
                        r.name(),
                        c.get(TopicConfig.CLEANUP_POLICY_CONFIG).value(),
                        longValue(c, TopicConfig.RETENTION_MS_CONFIG),
                        longValue(c, TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG)));
            }
        }
        return ReplayRetention.problems(settings, oldest, now, margin);
    }

    /** A numeric setting; absent (an older broker) counts as unlimited. */
    private static long longValue(final Config config, final String name) {
        final ConfigEntry e = config.get(name);
        return e == null || e.value() == null ? Long.MAX_VALUE : Long.parseLong(e.value());
    }
}
