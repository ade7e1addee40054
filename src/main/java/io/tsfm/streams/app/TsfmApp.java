package io.tsfm.streams.app;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.model.TollamaClient;
import io.tsfm.streams.model.TollamaSettings;
import io.tsfm.streams.topology.TsfmTopology;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running tsfm-streams instance: the tollama client, the topology and its KafkaStreams, started and
 * stopped together. {@code run}, {@code demo} and the integration tests all start the app through here.
 */
public final class TsfmApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TsfmApp.class);

    private final AppConfig config;
    private final ModelClient client;
    private final Topology topology;
    private final KafkaStreams streams;

    public TsfmApp(final AppConfig config) {
        this(config, new TollamaClient(TollamaSettings.from(config)), new Properties());
    }

    /** @param extra properties applied last (tests set state.dir here) */
    public TsfmApp(final AppConfig config, final ModelClient client, final Properties extra) {
        this.config = config;
        this.client = client;
        this.topology = TsfmTopology.build(config, client);
        final Properties props = config.streamsProperties();
        props.putAll(extra);
        this.streams = new KafkaStreams(topology, props);
        this.streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it (its tasks restart from the last commit)", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public TsfmApp start() {
        streams.start();
        return this;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public Topology topology() {
        return topology;
    }

    public ModelClient client() {
        return client;
    }

    public AppConfig config() {
        return config;
    }

    /** Stops processing, leaves the group, and closes the model client; pending jobs stay in the changelog. */
    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        client.close();
    }
}
