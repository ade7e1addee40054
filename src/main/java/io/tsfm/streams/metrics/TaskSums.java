package io.tsfm.streams.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * A gauge's value summed over what the live tasks report: each task adds its source and removes it when it
 * closes, so the gauge reads current state instead of adding up increments a fenced task would leave behind.
 */
final class TaskSums {
    private final Set<IntSupplier> sources = ConcurrentHashMap.newKeySet();

    /** Counts {@code source} until the returned action is run (the task's close). */
    @SuppressWarnings("UnnecessaryMethodReference") // the wrapper is the point: one entry per call
    Runnable track(final IntSupplier source) {
        final IntSupplier own = source::getAsInt; // an identity of its own, even for a shared supplier
        sources.add(own);
        return () -> sources.remove(own);
    }

    int sum() {
        return sources.stream().mapToInt(IntSupplier::getAsInt).sum();
    }
}
