package io.tsfm.streams.canary;

/** The metrics could not be used: unreadable or malformed file, or an unusable Prometheus answer. */
public final class InvalidMetricsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidMetricsException(final String message) {
        super(message);
    }

    public InvalidMetricsException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
