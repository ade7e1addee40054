package io.tsfm.streams.stream;

import io.tsfm.streams.model.ModelClient;

/**
 * The model clients a task works with: the current model (always), the rollout candidate where it serves
 * (canary share, full_100), and the candidate in shadow (answers compared, never served). Each has its
 * own breaker, bulkhead and deadline handling, so one cannot slow or fail another.
 */
public record ModelClients(ModelClient current, ModelClient candidate, ModelClient shadow) {

    /** Only the current model: no rollout in progress. */
    public static ModelClients of(final ModelClient current) {
        return new ModelClients(current, null, null);
    }
}
