package io.tsfm.streams.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A label and its count: the rows of the report's top lists (fallback reasons, markets, DLQ reasons). */
public record Counts(String label, long count) {

    /** The {@code n} largest counts, largest first, ties by label. */
    static List<Counts> top(final Map<String, Long> counts, final int n) {
        return counts.entrySet().stream()
                .map(e -> new Counts(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Counts::count).reversed().thenComparing(Counts::label))
                .limit(n)
                .toList();
    }
}
