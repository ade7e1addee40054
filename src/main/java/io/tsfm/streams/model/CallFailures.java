package io.tsfm.streams.model;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a failed model call was, in the fallback reasons' and the metrics' words, and whether to retry it. */
final class CallFailures {
    private CallFailures() {}

    /** The request outcome as a bounded metric label: the failure kind without its detail. */
    static String statusOf(final Throwable e) {
        final String kind = kindOf(e);
        return kind.startsWith("invalid_payload") ? "invalid_payload" : kind;
    }

    static boolean retryable(final Throwable error) {
        final Throwable e = unwrap(error);
        if (e instanceof ModelCallException m) {
            return m.retryable();
        }
        return e instanceof IOException;
    }

    static String kindOf(final Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return "circuit_breaker_open";
        }
        if (e instanceof ModelCallException m) {
            return m.kind();
        }
        if (e instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (e instanceof ConnectException || e instanceof IOException) {
            return "connection";
        }
        return "unexpected";
    }

    static Throwable unwrap(final Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
