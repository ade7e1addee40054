package io.tsfm.streams.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tsfm.streams.ops.http.WebEndpoint;
import io.tsfm.streams.ops.http.WebReply;
import io.tsfm.streams.ops.http.WebRoutes;
import io.tsfm.streams.ops.http.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP endpoints on {@code ops.bind:ops.port} (127.0.0.1:8080 by default): Prometheus
 * metrics, liveness and readiness, the topology, the latest forecast of a market, and whatever POST routes
 * the app adds (the on-demand API), on one {@link WebServer} with the {@code ops.http.*} limits.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

    private final String bind;
    private final int port;
    private final WebServer.Limits limits;
    private final WebRoutes routes;
    private WebServer server;

    public OpsServer(
            final String bind,
            final int port,
            final WebServer.Limits limits,
            final PrometheusMeterRegistry registry,
            final Health health,
            final String topology,
            final LatestForecasts latest) {
        this.bind = bind;
        this.port = port;
        this.limits = limits;
        this.routes = new WebRoutes()
                .get(
                        "/metrics",
                        WebEndpoint.of(
                                r -> WebReply.text(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape())))
                .get("/health/live", WebEndpoint.of(r -> health.live()))
                .get("/health/ready", WebEndpoint.of(r -> health.ready()))
                .get("/topology", WebEndpoint.of(r -> WebReply.text(200, "text/plain; charset=utf-8", topology)))
                .get("/markets/{id}/forecast", WebEndpoint.of(r -> latest.get(r.pathParam("id"), r.query())));
    }

    /** Serves POST on {@code path} (before {@link #start()}); any other method on it gets 405. */
    public OpsServer addPost(final String path, final WebEndpoint endpoint) {
        routes.post(path, endpoint);
        return this;
    }

    public OpsServer start() {
        server = WebServer.start("ops server", bind, port, limits, routes);
        LOG.info("ops server on http://{}:{}", bind, port());
        return this;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
