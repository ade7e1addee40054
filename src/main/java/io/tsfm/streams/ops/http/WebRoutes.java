package io.tsfm.streams.ops.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact routing for a {@link WebServer}: a route is a method and a path whose segments match one for one
 * ({@code /markets/{id}/forecast} has one variable segment, decoded), so {@code /tsfm/forecastX} and
 * {@code /tsfm/forecast/} are 404. Other methods on a known path are 405 with {@code Allow}; a request whose
 * path cannot be decoded is 400; a body over the server's limit is 413, one that stops arriving ends with the
 * idle timeout. The body is read without holding a thread, the endpoint runs on the server's bounded pool,
 * and every error is {@code {"detail": "..."}}.
 */
public final class WebRoutes extends Handler.Abstract.NonBlocking {
    private static final Logger LOG = LoggerFactory.getLogger(WebRoutes.class);

    private record Route(String[] segments, Map<String, WebEndpoint> byMethod) {}

    private final List<Route> routes = new ArrayList<>();
    private volatile Executor executor = Runnable::run;

    /** Adds {@code method} on {@code pattern}; a pattern segment {@code {name}} matches any one segment. */
    public WebRoutes route(final String method, final String pattern, final WebEndpoint endpoint) {
        final String[] segments = split(pattern);
        for (final Route r : routes) {
            if (java.util.Arrays.equals(r.segments(), segments)) {
                r.byMethod().put(method, endpoint);
                return this;
            }
        }
        final Map<String, WebEndpoint> byMethod = new LinkedHashMap<>();
        byMethod.put(method, endpoint);
        routes.add(new Route(segments, byMethod));
        return this;
    }

    public WebRoutes get(final String pattern, final WebEndpoint endpoint) {
        return route("GET", pattern, endpoint);
    }

    public WebRoutes post(final String pattern, final WebEndpoint endpoint) {
        return route("POST", pattern, endpoint);
    }

    /** The pool endpoints run on (the server's). */
    void executeOn(final Executor pool) {
        this.executor = pool;
    }

    @Override
    public boolean handle(final Request request, final Response response, final Callback callback) {
        final String[] path;
        try {
            path = decodedSegments(request.getHttpURI().getPath());
        } catch (final IllegalArgumentException e) {
            send(response, callback, WebReply.detail(400, "bad request path: " + e.getMessage()), request);
            return true;
        }
        Route route = null;
        final Map<String, String> params = new HashMap<>();
        for (final Route r : routes) {
            if (matches(r.segments(), path, params)) {
                route = r;
                break;
            }
            params.clear();
        }
        if (route == null) {
            send(response, callback, WebReply.detail(404, "not found: " + String.join("/", path)), request);
            return true;
        }
        final String method =
                "HEAD".equals(request.getMethod()) && !route.byMethod().containsKey("HEAD")
                        ? "GET"
                        : request.getMethod();
        final WebEndpoint endpoint = route.byMethod().get(method);
        if (endpoint == null) {
            send(
                    response,
                    callback,
                    WebReply.detail(405, "method not allowed: " + request.getMethod())
                            .withHeader(
                                    "Allow", String.join(", ", route.byMethod().keySet())),
                    request);
            return true;
        }
        final String decoded = "/" + String.join("/", path);
        Content.Source.asByteBuffer(request, new Promise<>() {
            @Override
            public void succeeded(final ByteBuffer buffer) {
                final byte[] body = BufferUtil.toArray(buffer);
                executor.execute(() -> run(endpoint, request, decoded, params, body, response, callback));
            }

            @Override
            public void failed(final Throwable failure) {
                send(response, callback, bodyFailed(failure), request);
            }
        });
        return true;
    }

    private void run(
            final WebEndpoint endpoint,
            final Request request,
            final String path,
            final Map<String, String> params,
            final byte[] body,
            final Response response,
            final Callback callback) {
        final WebRequest web = new WebRequest(
                request.getMethod(),
                path,
                Map.copyOf(params),
                request.getHttpURI().getQuery(),
                name -> request.getHeaders().get(name),
                body,
                Request.getRemoteAddr(request));
        CompletionStage<WebReply> reply;
        try {
            reply = endpoint.handle(web);
        } catch (final Exception e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((r, failure) -> {
            if (failure != null) {
                LOG.warn(
                        "{} {} failed",
                        request.getMethod(),
                        request.getHttpURI().getPath(),
                        failure);
                send(response, callback, WebReply.detail(500, "internal error"), request);
            } else {
                send(response, callback, r, request);
            }
        });
    }

    private static WebReply bodyFailed(final Throwable failure) {
        final Throwable cause =
                failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
        final HttpException http = cause instanceof HttpException h ? h : null;
        if (http != null) {
            return WebReply.detail(http.getCode(), http.getReason() != null ? http.getReason() : "bad request body");
        }
        if (cause instanceof TimeoutException) {
            return WebReply.detail(408, "request body not received in time");
        }
        return WebReply.detail(400, "cannot read the request body: " + cause.getMessage());
    }

    private static void send(
            final Response response, final Callback callback, final WebReply reply, final Request request) {
        response.setStatus(reply.status());
        reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put("Content-Type", reply.contentType());
        final boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(reply.body()), callback);
    }

    private static boolean matches(final String[] pattern, final String[] path, final Map<String, String> params) {
        if (pattern.length != path.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            final String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return false;
                }
                params.put(p.substring(1, p.length() - 1), path[i]);
            } else if (!p.equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    /** The path's segments ("/a/b/" is a, b and an empty last one), each percent-decoded as UTF-8. */
    static String[] decodedSegments(final String rawPath) {
        final String[] raw = split(rawPath);
        final String[] out = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = percentDecode(raw[i]);
        }
        return out;
    }

    private static String[] split(final String path) {
        final String p = path == null || path.isEmpty() ? "/" : path;
        return (p.startsWith("/") ? p.substring(1) : p).split("/", -1);
    }

    private static String percentDecode(final String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        final byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("incomplete escape in '" + s + "'");
                }
                final int hi = Character.digit(s.charAt(i + 1), 16);
                final int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("invalid escape in '" + s + "'");
                }
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                throw new IllegalArgumentException("raw non-ASCII character in '" + s + "'");
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
