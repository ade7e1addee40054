package io.tsfm.streams.ops.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The project's embedded HTTP server (Jetty 12): a bounded thread pool, an idle timeout that frees a
 * connection whose request stops arriving (headers or body), bounded header and body sizes, and the
 * {@code {"detail": "..."}} error shape for Jetty's own errors too (a malformed request line, an oversized
 * header). Idle and half-sent connections hold no thread, so no number of them can starve the endpoints.
 */
public final class WebServer implements AutoCloseable {

    /**
     * The server's bounds: threads, idle timeout and request sizes.
     *
     * @param threads         most threads serving requests (Jetty's selector and acceptor threads included)
     * @param idleTimeoutMs   a connection with nothing received or sent for this long is closed
     * @param maxRequestBytes largest request body (413 above)
     * @param maxHeaderBytes  largest request line and headers (431 above)
     */
    public record Limits(int threads, long idleTimeoutMs, long maxRequestBytes, int maxHeaderBytes) {
        public Limits {
            if (threads < 4 || idleTimeoutMs < 1 || maxRequestBytes < 1 || maxHeaderBytes < 1024) {
                throw new IllegalArgumentException("threads >= 4, idle timeout >= 1 ms, max request >= 1 byte and "
                        + "max header >= 1024 bytes are required");
            }
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final String name;

    private WebServer(final Server server, final ServerConnector connector, final String name) {
        this.server = server;
        this.connector = connector;
        this.name = name;
    }

    /**
     * Starts serving {@code handler} on {@code host:port} (0: a free port).
     *
     * @throws UncheckedIOException naming the server and the address when it cannot listen (its cause chain
     *                              holds the BindException)
     */
    public static WebServer start(
            final String name, final String host, final int port, final Limits limits, final Handler handler) {
        final QueuedThreadPool pool = new QueuedThreadPool(limits.threads(), Math.min(4, limits.threads()));
        pool.setName(name);
        pool.setDaemon(true);
        final Server server = new Server(pool);
        final HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        final ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeoutMs());
        server.addConnector(connector);
        if (handler instanceof WebRoutes routes) {
            routes.executeOn(pool);
        }
        final SizeLimitHandler limit = new SizeLimitHandler(limits.maxRequestBytes(), -1);
        limit.setHandler(handler);
        server.setHandler(limit);
        server.setErrorHandler(new JsonErrors());
        try {
            server.start();
        } catch (final Exception e) {
            try {
                server.stop();
            } catch (final Exception ignored) {
                // the start failed; nothing more to release
            }
            throw new UncheckedIOException(
                    "cannot bind the " + name + " to " + host + ":" + port,
                    e instanceof IOException io ? io : new IOException(e));
        }
        return new WebServer(server, connector, name);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (final Exception e) {
            throw new IllegalStateException("cannot stop the " + name, e);
        }
    }

    /** Jetty's own error answers (bad request line, oversized headers or body) as {@code {"detail": ...}}. */
    static final class JsonErrors extends ErrorHandler {
        @Override
        protected void generateResponse(
                final Request request,
                final Response response,
                final int code,
                final String message,
                final Throwable cause,
                final Callback callback) {
            final WebReply reply = WebReply.detail(
                    code, message != null ? message : org.eclipse.jetty.http.HttpStatus.getMessage(code));
            response.getHeaders().put("Content-Type", WebReply.JSON);
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
        }

        @Override
        protected void writeErrorJson(
                final Request request,
                final PrintWriter writer,
                final int code,
                final String message,
                final Throwable cause) {
            writer.write(
                    WebReply.detail(code, message != null ? message : "error").bodyText());
        }
    }
}
