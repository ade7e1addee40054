package io.tsfm.streams.model;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the forecast processor needs from a model server: non-blocking batched calls with a bounded
 * number in flight, and the circuit breaker's state for the gates and for meta.
 */
public interface ModelClient extends AutoCloseable {

    /**
     * Starts one batched call if an in-flight slot is free; never blocks. The future always completes
     * normally, with a {@link BatchResult} that carries any failure.
     *
     * @return empty when the in-flight limit is reached (try again on the next drain)
     */
    Optional<CompletableFuture<BatchResult>> trySubmit(List<SeriesInput> series);

    /** "closed", "open" or "half-open". */
    String breakerState();

    /** True while the breaker refuses calls outright (the {@code circuit_breaker_open} gate). */
    boolean breakerOpen();

    /** Whether the model may be called now, and if not, why: the gates turn each answer into a fallback reason. */
    enum Availability {
        CALLABLE,
        /** The model server could not be asked for the model's licence yet. */
        LICENCE_UNVERIFIED,
        /** The licence, read after start-up, is not allowed. */
        LICENCE_REFUSED,
        BREAKER_OPEN
    }

    /** The breaker's answer; a client that knows the model's licence answers for it first. */
    default Availability availability() {
        return breakerOpen() ? Availability.BREAKER_OPEN : Availability.CALLABLE;
    }

    String modelName();

    @Override
    void close();
}
