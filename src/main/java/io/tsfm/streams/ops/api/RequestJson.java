package io.tsfm.streams.ops.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the on-demand request readers share: when a field counts as absent or present, and how an input error
 * and the caller's text quoted in it are worded (the seed runner's {@code malformed input: ...}).
 */
final class RequestJson {
    static final String MALFORMED = "malformed input: ";

    private RequestJson() {}

    static boolean absent(final JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static boolean present(final JsonNode node) {
        return !absent(node) && !((node.isArray() || node.isObject()) && node.isEmpty());
    }

    /** Caller text echoed in a message, cut to 64 characters. */
    static String excerpt(final String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    static InvalidRequestException invalid(final String what) {
        return new InvalidRequestException(MALFORMED + what);
    }
}
