package io.tsfm.streams.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Rejects empty and blank strings, which Kafka's own validators let through. */
final class NonBlank implements ConfigDef.Validator {
    @Override
    public void ensureValid(final String name, final Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new ConfigException(name, value, "must not be empty");
        }
    }

    @Override
    public String toString() {
        return "non-empty string";
    }
}
