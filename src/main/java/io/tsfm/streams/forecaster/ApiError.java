package io.tsfm.streams.forecaster;

import java.util.Map;

/**
 * An HTTP error answer ({@code {"detail": ...}}) thrown from a handler and written by the router, so
 * every endpoint reports errors the way tollama does.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Object detail;
    private final transient Map<String, String> headers;

    ApiError(final int status, final Object detail) {
        this(status, detail, Map.of());
    }

    ApiError(final int status, final Object detail, final Map<String, String> headers) {
        super("HTTP " + status + ": " + detail, null, false, false);
        this.status = status;
        this.detail = detail;
        this.headers = Map.copyOf(headers);
    }

    static ApiError notInstalled(final String model) {
        return new ApiError(404, "model '" + model + "' is not installed");
    }

    int status() {
        return status;
    }

    Object detail() {
        return detail;
    }

    Map<String, String> headers() {
        return headers;
    }
}
