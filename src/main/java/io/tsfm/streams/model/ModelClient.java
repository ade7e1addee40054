package io.tsfm.streams.model;

import io.tsfm.streams.domain.ModelAvailability;
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

    /**
     * Whether an in-flight slot is free now, so a caller can skip building a batch that {@link #trySubmit}
     * would refuse. A hint only: another thread may take the slot first, and the call is then refused as usual.
     */
    boolean slotFree();

    /** "closed", "open" or "half-open". */
    String breakerState();

    /** True while the breaker refuses calls outright (the {@code circuit_breaker_open} gate). */
    boolean breakerOpen();

    /** The breaker's answer; a client that knows the model's licence answers for it first. */
    default ModelAvailability availability() {
        return breakerOpen() ? ModelAvailability.BREAKER_OPEN : ModelAvailability.CALLABLE;
    }

    String modelName();

    @Override
    void close();
}
