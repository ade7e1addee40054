package io.tsfm.streams.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A transparent HTTP relay (Jetty) in front of a real server that keeps a copy of each request and answer,
 * so a test can read exactly what the client put on the wire (not what it meant to send).
 */
final class RecordingRelay implements AutoCloseable {
    /** One request as it crossed the wire, and the answer the server gave it. */
    record Recorded(
            String method, String path, String contentType, String authorization, byte[] body, byte[] responseBody) {}

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final HttpClient upstream =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    RecordingRelay(final String target) throws Exception {
        this.target = target;
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(final Request request, final Response response, final Callback callback)
                    throws Exception {
                relay(request, response, callback);
                return true;
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    List<Recorded> requests() {
        return requests;
    }

    private void relay(final Request request, final Response response, final Callback callback) throws IOException {
        final byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readAllBytes();
        }
        final String contentType = request.getHeaders().get("Content-Type");
        final String authorization = request.getHeaders().get("Authorization");
        final HttpRequest.Builder forward = HttpRequest.newBuilder(
                        URI.create(target + request.getHttpURI().getPathQuery()))
                .method(request.getMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            forward.header("Content-Type", contentType);
        }
        if (authorization != null) {
            forward.header("Authorization", authorization);
        }
        final HttpResponse<byte[]> answer;
        try {
            answer = upstream.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("relay interrupted", e);
        }
        requests.add(new Recorded(
                request.getMethod(), request.getHttpURI().getPath(), contentType, authorization, body, answer.body()));
        response.setStatus(answer.statusCode());
        answer.headers()
                .firstValue("Content-Type")
                .ifPresent(v -> response.getHeaders().put("Content-Type", v));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
