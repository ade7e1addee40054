package io.tsfm.streams.model;

/**
 * A failed model call with its kind from the fallback vocabulary ({@code http_503},
 * {@code invalid_payload:malformed_json}, ...) and whether a retry may help.
 */
final class ModelCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final boolean retryable;

    ModelCallException(final String kind, final String detail, final boolean retryable) {
        super(detail, null, false, false);
        this.kind = kind;
        this.retryable = retryable;
    }

    static ModelCallException httpStatus(final int status, final String bodyExcerpt) {
        final boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
        return new ModelCallException("http_" + status, "HTTP " + status + ": " + bodyExcerpt, retryable);
    }

    static ModelCallException invalidPayload(final String why, final String detail) {
        return new ModelCallException("invalid_payload:" + why, detail, false);
    }

    String kind() {
        return kind;
    }

    boolean retryable() {
        return retryable;
    }
}
