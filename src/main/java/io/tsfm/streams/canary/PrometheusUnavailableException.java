package io.tsfm.streams.canary;

/** Prometheus could not be reached (connection refused, timeout, I/O error). */
public final class PrometheusUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PrometheusUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
