package io.tsfm.streams.model.license;

import java.net.URI;
import java.util.Objects;

/**
 * A model as the app would call it: its name on a model server. The licence check takes a list of these,
 * so a rollout candidate on its own server is checked the same way as the served model.
 *
 * @param name   model name as installed on the server, e.g. {@code chronos2}
 * @param server base URL of the tollama-compatible server, without a trailing slash
 */
public record ModelRef(String name, URI server) {

    public ModelRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(server, "server");
    }

    /** From a configured base URL such as {@code http://127.0.0.1:11435/}; a trailing slash is dropped. */
    public static ModelRef of(final String name, final String baseUrl) {
        final String url = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new ModelRef(name, URI.create(url));
    }

    @Override
    public String toString() {
        return "model '" + name + "' on " + server;
    }
}
