package io.tsfm.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The app's counters, registered once per name and tags and then kept at hand: shared by every meter class. */
final class CounterCache {
    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    CounterCache(final MeterRegistry registry) {
        this.registry = registry;
    }

    Counter get(final String name, final String description, final String... tags) {
        return counters.computeIfAbsent(
                name + String.join("|", tags),
                k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
