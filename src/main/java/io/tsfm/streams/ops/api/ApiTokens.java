package io.tsfm.streams.ops.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The on-demand API's accepted tokens, each with the identity the rate limit counts against. Loaded
 * from {@code api.tokens} (the environment's {@code TSFM_API_TOKENS}: comma-separated) and the file of
 * {@code api.tokens.file} (one per line, blank lines and {@code #} comments skipped); an entry is
 * {@code identity:token} (split at the first colon) or a bare token, whose identity is {@code token-<n>}
 * by position.
 *
 * <p>Fail-closed: a token that is empty, shorter than {@value #MIN_LENGTH} characters, a known
 * placeholder, template-like or one repeated character, a token given to two identities, or an unreadable
 * file disables the whole API with a reason that names the entry's position and identity, never the token.
 * Only SHA-256 digests are kept and compared, in constant time over every entry.
 */
public final class ApiTokens {
    public static final int MIN_LENGTH = 16;
    public static final String NONE_CONFIGURED = "no API tokens configured";

    private static final Set<String> PLACEHOLDERS = Set.of(
            "changeme",
            "change-me",
            "change_me",
            "placeholder",
            "token",
            "secret",
            "test",
            "xxx",
            "password",
            "dummy",
            "example",
            "todo",
            "replace-me",
            "replaceme",
            "your-token",
            "your_token",
            "yourtoken",
            "api-token",
            "apitoken",
            "api-key",
            "apikey",
            "none",
            "null");
    private static final List<String> PLACEHOLDER_MARKERS = List.of(
            "changeme",
            "change-me",
            "change_me",
            "placeholder",
            "replace-me",
            "replace_me",
            "your-token",
            "your_token",
            "your-api",
            "your_api",
            "<",
            ">",
            "${",
            "{{");

    private record Entry(String identity, byte[] digest) {}

    /** The outcome of checking a request's credentials: an identity, or why there is none. */
    public record Authentication(String identity, boolean tokenGiven) {
        public boolean accepted() {
            return identity != null;
        }
    }

    private final List<Entry> entries;
    private final String disabledReason;

    private ApiTokens(final List<Entry> entries, final String disabledReason) {
        this.entries = List.copyOf(entries);
        this.disabledReason = disabledReason;
    }

    /**
     * The tokens from the setting and the token file, or none (the API disabled, with the reason).
     *
     * @param commaSeparated the {@code api.tokens} value (may be null)
     * @param file           the {@code api.tokens.file} path (may be null)
     */
    public static ApiTokens load(final String commaSeparated, final Path file) {
        final List<String> specs = new ArrayList<>();
        final List<String> where = new ArrayList<>();
        if (commaSeparated != null && !commaSeparated.isBlank()) {
            final String[] parts = commaSeparated.split(",", -1);
            for (int i = 0; i < parts.length; i++) {
                if (!parts[i].isBlank()) {
                    specs.add(parts[i].trim());
                    where.add("entry " + (i + 1) + " of api.tokens (TSFM_API_TOKENS)");
                }
            }
        }
        if (file != null) {
            final List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (final IOException | RuntimeException e) {
                return disabled("cannot read api.tokens.file " + file + " ("
                        + e.getClass().getSimpleName() + ")");
            }
            for (int i = 0; i < lines.size(); i++) {
                final String line = lines.get(i).trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    specs.add(line);
                    where.add("line " + (i + 1) + " of api.tokens.file");
                }
            }
        }
        return of(specs, where);
    }

    private static ApiTokens of(final List<String> specs, final List<String> where) {
        if (specs.isEmpty()) {
            return disabled(NONE_CONFIGURED);
        }
        final Map<String, String> identityByToken = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            final String spec = specs.get(i);
            final int colon = spec.indexOf(':');
            final String identity =
                    colon < 0 ? "token-" + (i + 1) : spec.substring(0, colon).trim();
            final String token = colon < 0 ? spec : spec.substring(colon + 1).trim();
            if (identity.isEmpty()) {
                return disabled("API token rejected: " + where.get(i) + " has an empty identity before ':'");
            }
            final String problem = placeholderProblem(token);
            if (problem != null) {
                return disabled("API token rejected: " + where.get(i) + " (identity " + identity + ") " + problem);
            }
            final String previous = identityByToken.putIfAbsent(token, identity);
            if (previous != null && !previous.equals(identity)) {
                return disabled("API token rejected: " + where.get(i) + " (identity " + identity
                        + ") repeats the token of identity " + previous);
            }
        }
        final List<Entry> entries = new ArrayList<>();
        identityByToken.forEach((token, identity) -> entries.add(new Entry(identity, sha256(token))));
        return new ApiTokens(entries, null);
    }

    private static ApiTokens disabled(final String reason) {
        return new ApiTokens(List.of(), reason);
    }

    /** Why a token is unacceptable, or null when it is fine. Package-visible for tests. */
    static String placeholderProblem(final String token) {
        if (token == null || token.isEmpty()) {
            return "is empty";
        }
        final String lower = token.toLowerCase(Locale.ROOT);
        final String bare = lower.replaceAll("^[<{\\[\"'$]+|[>}\\]\"']+$", "");
        if (PLACEHOLDERS.contains(lower) || PLACEHOLDERS.contains(bare)) {
            return "is a placeholder value";
        }
        for (final String marker : PLACEHOLDER_MARKERS) {
            if (lower.contains(marker)) {
                return "looks like a placeholder";
            }
        }
        if (token.chars().distinct().count() == 1) {
            return "is one repeated character";
        }
        if (token.length() < MIN_LENGTH) {
            return "is shorter than " + MIN_LENGTH + " characters";
        }
        for (int i = 0; i < token.length(); i++) {
            final char c = token.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return "contains whitespace or a control character";
            }
        }
        return null;
    }

    public boolean enabled() {
        return disabledReason == null;
    }

    /** Why the API is off (no tokens, or a rejected one); null when enabled. Never contains a token. */
    public String disabledReason() {
        return disabledReason;
    }

    /** Identities with at least one token, for the start-up log. */
    public Set<String> identities() {
        final Set<String> out = new TreeSet<>();
        entries.forEach(e -> out.add(e.identity()));
        return out;
    }

    /**
     * Checks {@code Authorization: Bearer <t>} (preferred when it is a bearer header) or {@code X-API-Key: <t>}.
     * Every entry is compared, with {@link MessageDigest#isEqual} on equal-length digests.
     */
    public Authentication authenticate(final String authorization, final String apiKey) {
        final String token = presented(authorization, apiKey);
        if (token == null) {
            return new Authentication(null, false);
        }
        final byte[] digest = sha256(token);
        String identity = null;
        for (final Entry e : entries) {
            if (MessageDigest.isEqual(e.digest(), digest)) {
                identity = e.identity();
            }
        }
        return new Authentication(identity, true);
    }

    private static String presented(final String authorization, final String apiKey) {
        if (authorization != null) {
            final String value = authorization.trim();
            final int space = value.indexOf(' ');
            if (space > 0 && "bearer".equals(value.substring(0, space).toLowerCase(Locale.ROOT))) {
                final String token = value.substring(space + 1).trim();
                if (!token.isEmpty()) {
                    return token;
                }
            }
        }
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.trim();
        }
        return null;
    }

    private static byte[] sha256(final String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Never prints tokens or digests. */
    @Override
    public String toString() {
        return enabled() ? "ApiTokens[" + entries.size() + " token(s)]" : "ApiTokens[disabled: " + disabledReason + "]";
    }
}
