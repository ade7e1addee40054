package io.tsfm.streams.stream;

import io.tsfm.streams.domain.Tick;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Ticks that arrived while the task had cycle work unfinished (a cycle between slices, a boundary not yet
 * scored), kept in arrival order in a changelogged store and applied once that work is done, so every
 * tick meets the stores exactly as it would have if the work had run at once. Keys are a per-task
 * sequence, zero-padded so that key order is arrival order.
 */
final class HeldTicks {
    private final KeyValueStore<String, Tick> store;
    /** Sequence of the oldest held tick, and of the next to hold: empty when equal. */
    private long head;

    private long tail;

    HeldTicks(final KeyValueStore<String, Tick> store) {
        this.store = store;
        try (KeyValueIterator<String, Tick> first = store.all();
                KeyValueIterator<String, Tick> last = store.reverseAll()) {
            this.head = first.hasNext() ? Long.parseLong(first.next().key) : 0L;
            this.tail = last.hasNext() ? Long.parseLong(last.next().key) + 1 : head;
        }
    }

    boolean isEmpty() {
        return head == tail;
    }

    void add(final Tick tick) {
        store.put(key(tail), tick);
        tail++;
    }

    /** The oldest held tick; the caller has checked {@link #isEmpty()}. */
    Tick peek() {
        final Tick tick = store.get(key(head));
        if (tick == null) {
            throw new IllegalStateException("held tick " + head + " is missing from its store");
        }
        return tick;
    }

    void pop() {
        StoreWrites.remove(store, key(head));
        head++;
        if (head == tail) {
            head = 0; // an empty queue starts again from zero, so keys stay short
            tail = 0;
        }
    }

    static String key(final long sequence) {
        final String digits = Long.toString(sequence);
        return "0".repeat(19 - digits.length()) + digits;
    }
}
