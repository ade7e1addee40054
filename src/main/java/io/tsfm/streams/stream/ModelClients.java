package io.tsfm.streams.stream;

import io.tsfm.streams.model.ModelClient;
import java.util.IdentityHashMap;

/**
 * The model clients a task works with: the current model (always), the rollout candidate where it serves
 * (canary share, full_100), and the candidate in shadow (answers compared, never served). Each has its
 * own breaker, bulkhead and deadline handling, so one cannot slow or fail another; every task of the app
 * shares them, and with each its in-flight slots ({@link SharedSlots}).
 */
public final class ModelClients {
    private final ModelClient current;
    private final ModelClient candidate;
    private final ModelClient shadow;
    private final IdentityHashMap<ModelClient, SharedSlots> slots = new IdentityHashMap<>();

    public ModelClients(final ModelClient current, final ModelClient candidate, final ModelClient shadow) {
        this.current = current;
        this.candidate = candidate;
        this.shadow = shadow;
        for (final ModelClient client : new ModelClient[] {current, candidate, shadow}) {
            if (client != null) {
                slots.computeIfAbsent(client, SharedSlots::new);
            }
        }
    }

    /** Only the current model: no rollout in progress. */
    public static ModelClients of(final ModelClient current) {
        return new ModelClients(current, null, null);
    }

    public ModelClient current() {
        return current;
    }

    /** The rollout candidate where it serves; null otherwise. */
    public ModelClient candidate() {
        return candidate;
    }

    /** The candidate in shadow; null otherwise. */
    public ModelClient shadow() {
        return shadow;
    }

    /** The trackers of every task that call {@code client}, one of these clients. */
    SharedSlots slotsOf(final ModelClient client) {
        return slots.get(client);
    }
}
