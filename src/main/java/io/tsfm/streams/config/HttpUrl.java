package io.tsfm.streams.config;

import java.net.URI;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts absolute http(s) URLs with a host, so a typo fails at start-up rather than on the first call. */
final class HttpUrl implements ConfigDef.Validator {
    @Override
    public void ensureValid(final String name, final Object value) {
        try {
            final URI uri = URI.create(String.valueOf(value));
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(name, value, "must be an http:// or https:// URL with a host");
            }
        } catch (final IllegalArgumentException e) {
            throw new ConfigException(name, value, "is not a URL: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "http(s) URL";
    }
}
