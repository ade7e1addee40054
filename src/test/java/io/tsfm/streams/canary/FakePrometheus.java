package io.tsfm.streams.canary;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** A tiny Prometheus stand-in (Jetty) on 127.0.0.1: records every request and answers with canned JSON. */
final class FakePrometheus implements AutoCloseable {

    record Request(String method, String path, Map<String, String> params) {
        String query() {
            return params.get("query");
        }

        long start() {
            return Long.parseLong(params.get("start"));
        }

        long end() {
            return Long.parseLong(params.get("end"));
        }

        long step() {
            return Long.parseLong(params.get("step"));
        }
    }

    record Response(int status, String body) {}

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakePrometheus(final Function<Request, Response> responder) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(
                    final org.eclipse.jetty.server.Request exchange,
                    final org.eclipse.jetty.server.Response reply,
                    final Callback callback) {
                final Request request = new Request(
                        exchange.getMethod(),
                        exchange.getHttpURI().getPath(),
                        params(exchange.getHttpURI().getQuery()));
                requests.add(request);
                final Response response = responder.apply(request);
                reply.setStatus(response.status());
                reply.getHeaders().put("Content-Type", "application/json");
                reply.write(true, ByteBuffer.wrap(response.body().getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
    }

    static FakePrometheus start(final Function<Request, Response> responder) throws Exception {
        return new FakePrometheus(responder);
    }

    String url() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** A successful query_range answer with one series holding {@code values} at start, start+step, ... */
    static Response series(final long start, final long step, final String... values) {
        final StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                points.append(',');
            }
            points.append('[')
                    .append(start + i * step)
                    .append(",\"")
                    .append(values[i])
                    .append("\"]");
        }
        return new Response(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                        + "{\"metric\":{},\"values\":[" + points + "]}]}}");
    }

    /** One series with the same value at every time the request asked for. */
    static Response constant(final Request request, final String value) {
        final int count = (int) ((request.end() - request.start()) / request.step()) + 1;
        final String[] values = new String[count];
        java.util.Arrays.fill(values, value);
        return series(request.start(), request.step(), values);
    }

    /** A successful answer with no series at all (the metric does not exist yet, or no traffic). */
    static Response noSeries() {
        return new Response(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
    }

    private static Map<String, String> params(final String rawQuery) {
        final Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (final String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            final int eq = pair.indexOf('=');
            params.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
