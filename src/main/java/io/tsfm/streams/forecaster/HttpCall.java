package io.tsfm.streams.forecaster;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request and its single answer: bounded body reading (10 MB, then 413), the
 * {@code X-Request-ID} header on every response, and write-once sending that may happen on any
 * thread after the handler has returned (the JDK server does not complete an exchange by itself).
 */
final class HttpCall {

    static final String REQUEST_ID = "X-Request-ID";
    /** tollama's request body limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** Bytes of an oversized body read and discarded so the client sees the 413 rather than a reset. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpCall.class);

    private final HttpExchange exchange;
    private final String requestId;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean answered = new AtomicBoolean();

    HttpCall(final HttpExchange exchange) {
        this.exchange = exchange;
        this.requestId = requestIdOf(exchange.getRequestHeaders().getFirst(REQUEST_ID));
    }

    private static String requestIdOf(final String sent) {
        if (sent != null && !sent.isBlank() && sent.length() <= 200 && sent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return sent;
        }
        return UUID.randomUUID().toString().replace("-", "");
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    String header(final String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    String requestId() {
        return requestId;
    }

    double elapsedMs() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** The whole body; an oversized one is drained (up to a limit) and answered 413 by the caller. */
    byte[] readBody() throws IOException {
        final InputStream in = exchange.getRequestBody();
        final byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            drain(in);
            throw new ApiError(413, "request body too large (limit " + MAX_BODY_BYTES + " bytes); split the batch");
        }
        return body;
    }

    private static void drain(final InputStream in) throws IOException {
        final byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
            total += n;
        }
    }

    void sendJson(final int status, final Object body) {
        sendBytes(status, "application/json", Json.bytes(body), Map.of());
    }

    void sendError(final ApiError error) {
        sendBytes(error.status(), "application/json", Json.bytes(Map.of("detail", error.detail())), error.headers());
    }

    void sendBytes(final int status, final String contentType, final byte[] body, final Map<String, String> headers) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try (exchange) {
            headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set(REQUEST_ID, requestId);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            LOG.debug("client went away before the answer to {} {} was written: {}", method(), path(), e.toString());
        }
    }

    /** A 200 NDJSON answer, one line per element, each flushed as it is written. */
    void sendNdjson(final List<byte[]> lines) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            exchange.getResponseHeaders().set(REQUEST_ID, requestId);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (final byte[] line : lines) {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                }
            }
        } catch (IOException e) {
            LOG.debug("client went away during the stream for {} {}: {}", method(), path(), e.toString());
        }
    }

    /** Drops the connection without an answer (hangs end this way when the server closes). */
    void abandon() {
        if (answered.compareAndSet(false, true)) {
            exchange.close();
        }
    }
}
