package io.tsfm.streams.rollout;

/**
 * A model the router may send a market to: its tollama name and, for a candidate served elsewhere, its
 * own server URL.
 *
 * @param name the tollama model name ({@code tollama.model} or {@code rollout.candidate.model})
 * @param url  the model server's base URL, or null for the default {@code tollama.url}
 */
public record ModelRef(String name, String url) {

    public ModelRef {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model name is required");
        }
        if (url != null && url.isBlank()) {
            url = null;
        }
    }

    /** A model on the default server. */
    public static ModelRef named(final String name) {
        return new ModelRef(name, null);
    }

    public boolean defaultServer() {
        return url == null;
    }
}
