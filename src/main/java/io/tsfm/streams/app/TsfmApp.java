package io.tsfm.streams.app;

import static io.tsfm.streams.config.ConfigKeys.*;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.model.CallGuards;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.model.TollamaClient;
import io.tsfm.streams.model.TollamaSettings;
import io.tsfm.streams.model.license.LicensedClient;
import io.tsfm.streams.model.license.ModelLicences;
import io.tsfm.streams.model.license.ModelRef;
import io.tsfm.streams.ops.Health;
import io.tsfm.streams.ops.LatestForecasts;
import io.tsfm.streams.ops.OpsServer;
import io.tsfm.streams.ops.api.OnDemandApi;
import io.tsfm.streams.ops.http.WebServer;
import io.tsfm.streams.rollout.RolloutPolicy;
import io.tsfm.streams.rollout.RolloutStage;
import io.tsfm.streams.stream.ModelClients;
import io.tsfm.streams.stream.TsfmTopology;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running tsfm-streams instance: metrics registry, tollama client, topology and KafkaStreams, and
 * the ops HTTP server, started and stopped together. {@code run}, {@code demo} and the integration
 * tests start the app through here.
 */
public final class TsfmApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TsfmApp.class);

    private final AppConfig config;
    private final PrometheusMeterRegistry registry;
    private final TsfmMetrics metrics;
    private final ModelClient client;
    private final ModelClients clients;
    private final Topology topology;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final OpsServer ops;
    private final OnDemandApi api;
    private final ModelLicences licences;

    /** An app whose models' licences were not checked: every model is called (tests, tools). */
    public TsfmApp(final AppConfig config) {
        this(config, ModelLicences.unchecked());
    }

    /**
     * @param licences the start-up licence check's outcome ({@link ModelLicences#check}); a model whose licence is
     *                 unverified or refused is not called, the baseline serves its markets. The app closes it.
     */
    public TsfmApp(final AppConfig config, final ModelLicences licences) {
        this.config = config;
        this.licences = licences;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("rollout_stage", config.getString(ROLLOUT_STAGE));
        this.metrics = new TsfmMetrics(registry);
        this.clients = clients(config, metrics, licences);
        this.client = clients.current();
        this.topology = TsfmTopology.build(config, clients, metrics);
        final HostInfo self = selfHost(config);
        final Properties props = config.streamsProperties();
        props.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        this.streams = new KafkaStreams(topology, props);
        this.streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it (its tasks restart from the last commit)", e);
            metrics.streamThreadFailed();
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        final Health health = new Health(streams, licences);
        streams.setGlobalStateRestoreListener(health);
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.ops = new OpsServer(
                config.getString(OPS_BIND),
                config.getInt(OPS_PORT),
                opsHttpLimits(config),
                registry,
                health,
                topology.describe().toString(),
                new LatestForecasts(
                        streams,
                        HostInfo.buildFromEndpoint(props.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG))));
        this.api = OnDemandApi.create(config, client, metrics);
        ops.addPost(OnDemandApi.PATH, api);
    }

    /**
     * The current model's client, plus the rollout candidate's where the stage lets it serve (canary, full)
     * and a separate shadow client where it is shadowed (shadow stage, or canary stages with
     * rollout.shadow.outside.share): each with its own breaker and bulkhead.
     */
    static ModelClients clients(final AppConfig config, final TsfmMetrics metrics, final ModelLicences licences) {
        final TollamaSettings settings = TollamaSettings.from(config);
        final CallGuards guards = new CallGuards(metrics.registry());
        final ModelClient current = licensed(settings, TollamaClient.ROLE_CURRENT, metrics, licences, guards);
        final RolloutPolicy policy = config.rolloutPolicy();
        if (!policy.rolloutInProgress()) {
            return ModelClients.of(current);
        }
        final TollamaSettings candidate =
                settings.forModel(policy.candidate().name(), policy.candidate().url());
        final RolloutStage stage = policy.stage();
        final boolean serves = stage != RolloutStage.SHADOW;
        final boolean shadows =
                stage == RolloutStage.SHADOW || (stage != RolloutStage.FULL_100 && policy.shadowOutsideShare());
        return new ModelClients(
                current,
                serves ? licensed(candidate, TollamaClient.ROLE_CANDIDATE, metrics, licences, guards) : null,
                shadows ? licensed(candidate, TollamaClient.ROLE_SHADOW, metrics, licences, guards) : null);
    }

    /** A client of one role that asks the licence state of its model first, with that state's gauges. */
    private static ModelClient licensed(
            final TollamaSettings settings,
            final String role,
            final TsfmMetrics metrics,
            final ModelLicences licences,
            final CallGuards guards) {
        final ModelRef model = ModelRef.of(settings.model(), settings.baseUrl().toString());
        metrics.model()
                .licenceStateGauges(
                        role,
                        settings.model(),
                        Arrays.stream(ModelLicences.State.values())
                                .map(TsfmApp::stateName)
                                .toList(),
                        () -> stateName(licences.state(model)));
        return new LicensedClient(
                new TollamaClient(settings, metrics.model(), role, guards), () -> licences.state(model));
    }

    private static String stateName(final ModelLicences.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** application.server: where other instances reach this one's ops server. */
    private static HostInfo selfHost(final AppConfig config) {
        String host = config.getString(OPS_ADVERTISED_HOST);
        if (host == null || host.isBlank()) {
            host = config.getString(OPS_BIND);
            if ("0.0.0.0".equals(host) || "::".equals(host)) {
                try {
                    host = InetAddress.getLocalHost().getHostName();
                } catch (final UnknownHostException e) {
                    host = "localhost";
                }
            }
        }
        return new HostInfo(host, config.getInt(OPS_PORT));
    }

    public TsfmApp start() {
        ops.start();
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

    public TsfmMetrics metrics() {
        return metrics;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public int opsPort() {
        return ops.port();
    }

    public AppConfig config() {
        return config;
    }

    /** Stops processing, leaves the group, closes the model client and the ops server; pending jobs stay in the changelog. */
    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.close();
        client.close();
        if (clients.candidate() != null) {
            clients.candidate().close();
        }
        if (clients.shadow() != null) {
            clients.shadow().close();
        }
        ops.close();
        api.close();
        licences.close();
    }

    /** The ops server's limits ({@code ops.http.*}). */
    static WebServer.Limits opsHttpLimits(final AppConfig config) {
        return new WebServer.Limits(
                config.getInt(OPS_HTTP_THREADS),
                config.getLong(OPS_HTTP_IDLE_TIMEOUT_MS),
                config.getLong(OPS_HTTP_MAX_REQUEST_BYTES),
                config.getInt(OPS_HTTP_MAX_HEADER_BYTES));
    }
}
