package io.tsfm.streams.forecaster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bodies of injected failures, shaped like tollama's own: a string detail for 429/500, a
 * {@code {"code","message"}} object for runner errors (502/503) and server-side timeouts (503).
 */
final class InjectedErrors {

    private InjectedErrors() {}

    static ApiError forStatus(final int status) {
        return switch (status) {
            case 429 -> new ApiError(429, "rate limit exceeded (injected fault)", Map.of("Retry-After", "1"));
            case 502 -> new ApiError(502, code("RUNNER_ERROR", "runner failed (injected fault)"));
            case 503 -> new ApiError(503, code("RUNNER_UNAVAILABLE", "runner unavailable (injected fault)"));
            case 500 -> new ApiError(500, "Internal Server Error (injected fault)");
            default -> new ApiError(status, "injected fault (HTTP " + status + ")");
        };
    }

    static ApiError timedOut(final double timeoutSeconds) {
        return new ApiError(
                503, code("TIMEOUT", "forecast did not finish within the request timeout of " + timeoutSeconds + " s"));
    }

    private static Map<String, Object> code(final String code, final String message) {
        final Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", code);
        detail.put("message", message);
        return detail;
    }
}
