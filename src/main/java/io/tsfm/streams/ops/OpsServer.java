package io.tsfm.streams.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP endpoints on {@code ops.bind:ops.port} (127.0.0.1:8080 by default): Prometheus
 * metrics, liveness and readiness, the topology, and the latest forecast of a market.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    public OpsServer(final String bind, final int port, final PrometheusMeterRegistry registry, final Health health,
                     final String topology, final LatestForecasts latest) {
        try {
            this.server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot bind the ops server to " + bind + ":" + port, e);
        }
        this.executor = Executors.newFixedThreadPool(4, r -> {
            final Thread t = new Thread(r, "ops-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", ex -> handle(ex, () -> new Response(200,
                "text/plain; version=0.0.4; charset=utf-8", registry.scrape())));
        server.createContext("/health/live", ex -> handle(ex, health::live));
        server.createContext("/health/ready", ex -> handle(ex, health::ready));
        server.createContext("/topology", ex -> handle(ex, () -> new Response(200, "text/plain; charset=utf-8", topology)));
        server.createContext("/markets/", ex -> handle(ex, () -> latest.get(ex.getRequestURI().getRawPath(),
                ex.getRequestURI().getRawQuery())));
        server.createContext("/", ex -> handle(ex, () -> Response.json(404,
                "{\"error\":\"not found\",\"paths\":[\"/metrics\",\"/health/live\",\"/health/ready\",\"/topology\","
                        + "\"/markets/{id}/forecast\",\"POST /tsfm/forecast\"]}")));
    }

    /**
     * Serves POST on {@code path} with a handler that owns the exchange (reads the body, writes and closes
     * the answer, possibly on a thread of its own); any other method gets 405. The GET endpoints are unchanged.
     */
    public OpsServer addPost(final String path, final HttpHandler handler) {
        server.createContext(path, ex -> {
            if ("POST".equals(ex.getRequestMethod())) {
                handler.handle(ex);
            } else {
                ex.getResponseHeaders().set("Allow", "POST");
                handle(ex, () -> Response.json(405, "{\"error\":\"method not allowed\"}"));
            }
        });
        return this;
    }

    public OpsServer start() {
        server.start();
        LOG.info("ops server on http://{}:{}", server.getAddress().getHostString(), port());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A status, content type and body. */
    public record Response(int status, String contentType, String body) {
        public static Response json(final int status, final String body) {
            return new Response(status, "application/json", body);
        }
    }

    private static void handle(final HttpExchange ex, final java.util.function.Supplier<Response> handler) {
        try (ex) {
            Response r;
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                r = Response.json(405, "{\"error\":\"method not allowed\"}");
            } else {
                try {
                    r = handler.get();
                } catch (final RuntimeException e) {
                    LOG.warn("ops request {} failed", ex.getRequestURI(), e);
                    r = Response.json(500, "{\"error\":\"internal error\"}");
                }
            }
            final byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.sendResponseHeaders(r.status(), "HEAD".equals(ex.getRequestMethod()) ? -1 : body.length);
            if (!"HEAD".equals(ex.getRequestMethod())) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (final IOException e) {
            LOG.debug("client went away: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
