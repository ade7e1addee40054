package io.tsfm.streams.stream;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deletes that do not read. {@code KeyValueStore.delete} returns the old value, so every delete reads the
 * key from RocksDB and parses its value; a {@code put} of null deletes the same way (and logs the same
 * tombstone) without either. Answers, scores and held ticks each delete one entry, on the stream thread.
 */
final class StoreWrites {
    private StoreWrites() {}

    /** Deletes {@code key} without reading its value. */
    static <K, V> void remove(final KeyValueStore<K, V> store, final K key) {
        store.put(key, null);
    }
}
