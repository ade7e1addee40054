package io.tsfm.streams.model;

import java.util.function.Supplier;

/**
 * What a model client counts, declared here so that the client needs no metrics package: the ops layer
 * implements it with Micrometer ({@code metrics/ModelMeters}) and the application wires it in.
 */
public interface ModelCallMeters {

    /** One HTTP attempt of a client role ({@code current}, {@code candidate}, {@code shadow}) and its outcome. */
    void request(String client, String status, long nanos);

    /** The series one batched request carried. */
    void batch(String client, int series);

    void breakerTransition(String client, String from, String to);

    /** A gauge of whether the role's breaker is open, read when scraped. */
    void breakerOpenGauge(String client, Supplier<Boolean> open);

    /** A gauge of the role's requests in flight, read when scraped. */
    void inflightGauge(String client, Supplier<Integer> inflight);
}
