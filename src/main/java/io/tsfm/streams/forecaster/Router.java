package io.tsfm.streams.forecaster;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single Jetty handler: bearer auth on every route (when keys are configured), dispatch by path and
 * method, and FastAPI-style answers for unknown routes (404), wrong methods (405), thrown
 * {@link ApiError}s and unexpected failures (500).
 */
final class Router extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final ApiKeys keys;
    private final Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();

    Router(final ApiKeys keys) {
        this.keys = keys;
    }

    Router route(final String method, final String path, final Endpoint endpoint) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, endpoint);
        return this;
    }

    @Override
    public boolean handle(final Request request, final Response response, final Callback jettyCallback) {
        final HttpCall call = new HttpCall(request, response, jettyCallback);
        try {
            if (!keys.accepts(call.header("Authorization"))) {
                throw new ApiError(401, "Invalid or missing bearer token", Map.of("WWW-Authenticate", "Bearer"));
            }
            final Map<String, Endpoint> byMethod = routes.get(call.path());
            if (byMethod == null) {
                throw new ApiError(404, "Not Found");
            }
            final Endpoint endpoint = byMethod.get(call.method());
            if (endpoint == null) {
                throw new ApiError(405, "Method Not Allowed", Map.of("Allow", String.join(", ", byMethod.keySet())));
            }
            endpoint.handle(call);
        } catch (ApiError e) {
            call.sendError(e);
        } catch (RequestValidationException e) {
            call.sendError(e.toApiError());
        } catch (Exception e) {
            LOG.warn("{} {} failed (request {})", call.method(), call.path(), call.requestId(), e);
            call.sendError(new ApiError(500, "Internal Server Error"));
        }
        return true;
    }
}
