package io.tsfm.streams.forecaster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The bearer keys the server accepts, loaded from a key file and/or an environment value, and the
 * constant-time check of an {@code Authorization} header. Keys are never logged or printed.
 */
public final class ApiKeys {

    /** The environment variable holding comma-separated keys. */
    public static final String ENV = "TSFM_FORECASTER_API_KEYS";

    private final List<byte[]> keys;

    public ApiKeys(final List<String> keys) {
        final List<byte[]> bytes = new ArrayList<>();
        for (final String key : keys) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("API keys must not be blank");
            }
            bytes.add(key.getBytes(StandardCharsets.UTF_8));
        }
        this.keys = List.copyOf(bytes);
    }

    /**
     * Keys from a file (one per line; blank lines and lines starting with '#' skipped) and from a
     * comma-separated value such as the {@value #ENV} variable; either may be null. Duplicates are
     * dropped, order kept.
     */
    public static List<String> load(final Path file, final String commaSeparated) throws IOException {
        final Set<String> out = new LinkedHashSet<>();
        if (file != null) {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                final String key = line.trim();
                if (!key.isEmpty() && !key.startsWith("#")) {
                    out.add(key);
                }
            }
        }
        if (commaSeparated != null) {
            for (final String part : commaSeparated.split(",", -1)) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return List.copyOf(out);
    }

    /** True when no keys are configured (auth off). */
    public boolean disabled() {
        return keys.isEmpty();
    }

    public int size() {
        return keys.size();
    }

    /** Whether an {@code Authorization} header value carries one of the keys as a bearer token. */
    public boolean accepts(final String authorization) {
        if (disabled()) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        final String value = authorization.trim();
        final int space = value.indexOf(' ');
        if (space < 0 || !"bearer".equals(value.substring(0, space).toLowerCase(Locale.ROOT))) {
            return false;
        }
        final byte[] token = value.substring(space + 1).trim().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (final byte[] key : keys) {
            match |= MessageDigest.isEqual(key, token);
        }
        return match;
    }

    @Override
    public String toString() {
        return "ApiKeys[" + keys.size() + " key(s)]";
    }
}
