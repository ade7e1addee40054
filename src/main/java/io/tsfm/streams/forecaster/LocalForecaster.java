package io.tsfm.streams.forecaster;

import io.tsfm.streams.forecaster.model.LocalModel;
import io.tsfm.streams.forecaster.model.ModelRegistry;
import io.tsfm.streams.ops.http.WebServer;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local server speaking tollama's HTTP API (docs/tollama.md), with the exact {@code mock} model,
 * a genuine statistical model and run-time fault injection. It is the embedded default for demos,
 * the real-HTTP peer of integration tests and the target of benchmarks.
 *
 * <pre>{@code
 * try (LocalForecaster f = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
 *     f.faults().set(FaultProfile.builder().failFirstN(5).build());
 *     ... call f.url() + "/v1/forecast" ...
 * }
 * }</pre>
 */
public final class LocalForecaster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalForecaster.class);
    private final WebServer server;
    private final String host;
    private final int port;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final FaultInjector faults;
    private final ServerStats stats;
    private final InstalledModels installed;
    private final ForecastEndpoints forecasts;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalForecaster(
            final WebServer server,
            final String host,
            final ExecutorService workers,
            final ScheduledExecutorService scheduler,
            final FaultInjector faults,
            final ServerStats stats,
            final InstalledModels installed,
            final ForecastEndpoints forecasts) {
        this.server = server;
        this.host = host;
        this.port = server.port();
        this.workers = workers;
        this.scheduler = scheduler;
        this.faults = faults;
        this.stats = stats;
        this.installed = installed;
        this.forecasts = forecasts;
    }

    /**
     * Binds and starts the server.
     *
     * @throws IllegalArgumentException for a preloaded model the registry does not have, or an extra model
     *                                  whose name is taken
     * @throws UncheckedIOException     when the address cannot be bound
     */
    public static LocalForecaster start(final LocalForecasterOptions opts) {
        final ModelRegistry registry = ModelRegistry.defaults().with(opts.extraModels());
        final InstalledModels installed = new InstalledModels(registry, Clock.systemUTC());
        for (final String name : opts.preloadedModels()) {
            if (registry.find(name).isEmpty()) {
                throw new IllegalArgumentException(
                        "unknown model '" + name + "'; local models: " + String.join(", ", registry.names()));
            }
            installed.pull(name);
        }
        opts.extraModels().forEach(m -> installed.pull(m.name()));
        final ApiKeys keys = new ApiKeys(opts.apiKeys());
        final FaultInjector faults = new FaultInjector(opts.faultProfile(), opts.seed());
        final ServerStats stats = new ServerStats();
        final ExecutorService workers = Executors.newFixedThreadPool(opts.workerThreads(), daemon("forecaster-http-"));
        final ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(daemon("forecaster-delay-"));
        final ForecastEndpoints forecasts = new ForecastEndpoints(installed, faults, stats, scheduler, workers);
        final ModelEndpoints models = new ModelEndpoints(installed);
        final AdminEndpoints admin = new AdminEndpoints(faults, stats);
        final Router router = new Router(keys)
                .route("GET", "/v1/health", models::health)
                .route("GET", "/api/version", models::version)
                .route("GET", "/api/tags", models::tags)
                .route("POST", "/api/pull", models::pull)
                .route("POST", "/api/show", models::show)
                .route("GET", "/v1/models", models::models)
                .route("POST", "/v1/forecast", forecasts::v1)
                .route("POST", "/api/forecast", forecasts::api)
                .route("GET", "/admin/faults", admin::getFaults)
                .route("PUT", "/admin/faults", admin::putFaults)
                .route("DELETE", "/admin/faults", admin::deleteFaults)
                .route("GET", "/admin/stats", admin::stats);
        final WebServer server =
                WebServer.start("local forecaster", opts.host(), opts.port(), opts.httpLimits(), router);
        final LocalForecaster forecaster =
                new LocalForecaster(server, opts.host(), workers, scheduler, faults, stats, installed, forecasts);
        LOG.info(
                "local forecaster listening on {} (models: {}; auth: {}; faults: {})",
                forecaster.url(),
                String.join(", ", forecaster.installedModels()),
                keys.disabled() ? "off" : "on, " + keys.size() + " key(s)",
                opts.faultProfile());
        return forecaster;
    }

    /** The bound port (the real one when started on port 0). */
    public int port() {
        return port;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:11435}. */
    public String url() {
        final String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port();
    }

    /** The fault profile in force; change it at run time with {@link FaultInjector#set}. */
    public FaultInjector faults() {
        return faults;
    }

    public ServerStats stats() {
        return stats;
    }

    /** Names of the installed (pulled) models, in registry order. */
    public List<String> installedModels() {
        return installed.list().stream().map(LocalModel::name).toList();
    }

    /**
     * Stops listening, drops hung and still-delayed requests' connections, and stops the threads.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        forecasts.close();
        server.close();
        scheduler.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("local forecaster on port {} stopped", port);
    }

    private static ThreadFactory daemon(final String prefix) {
        final AtomicInteger count = new AtomicInteger();
        return r -> {
            final Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
