package io.tsfm.streams.forecaster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request and its single answer: bounded body reading (10 MB, then 413), the
 * {@code X-Request-ID} header on every response, and write-once sending that may happen on any
 * thread after the handler has returned (Jetty completes the exchange when the callback does).
 */
final class HttpCall {

    static final String REQUEST_ID = "X-Request-ID";
    /** tollama's request body limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** Bytes of an oversized body read and discarded so the client sees the 413 rather than a reset. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpCall.class);

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String requestId;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean answered = new AtomicBoolean();

    HttpCall(final Request request, final Response response, final Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.requestId = requestIdOf(request.getHeaders().get(REQUEST_ID));
    }

    private static String requestIdOf(final String sent) {
        if (sent != null
                && !sent.isBlank()
                && sent.length() <= 200
                && sent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return sent;
        }
        return UUID.randomUUID().toString().replace("-", "");
    }

    String method() {
        return request.getMethod();
    }

    String path() {
        return request.getHttpURI().getPath();
    }

    String header(final String name) {
        return request.getHeaders().get(name);
    }

    String requestId() {
        return requestId;
    }

    double elapsedMs() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** The whole body; an oversized one is drained (up to a limit) and answered 413 by the caller. */
    byte[] readBody() throws IOException {
        final InputStream in = Content.Source.asInputStream(request);
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
        response.setStatus(status);
        headers.forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put("Content-Type", contentType);
        response.getHeaders().put(REQUEST_ID, requestId);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** A 200 NDJSON answer, one line per element, each flushed as it is written. */
    void sendNdjson(final List<byte[]> lines) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "application/x-ndjson");
        response.getHeaders().put(REQUEST_ID, requestId);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            for (final byte[] line : lines) {
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (final IOException e) {
            LOG.debug("client went away during the stream for {} {}: {}", method(), path(), e.toString());
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    /**
     * Drops the connection without an answer (hangs end this way when the server closes): the endpoint is
     * closed first, else Jetty would answer the failed exchange with a 500.
     */
    void abandon() {
        if (answered.compareAndSet(false, true)) {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new IOException("abandoned without an answer"));
        }
    }
}
