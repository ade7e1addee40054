package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an injected "garbage" answer is broken: each kind is one payload check a client must make
 * (finite values, horizon length, requested quantile set, parseable JSON).
 */
public enum GarbageKind {
    /** Values at one step of every path are NaN (serialized as JSON null). */
    NAN,
    /** Every path has the wrong number of steps. */
    WRONG_HORIZON,
    /** The highest requested quantile is missing (the mean when none were requested). */
    MISSING_QUANTILE,
    /** HTTP 200 with a truncated, unparseable JSON body. */
    BROKEN_JSON;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static GarbageKind fromWire(final String value) {
        for (final GarbageKind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown garbage_kind '" + value + "'; valid: "
                + Arrays.stream(values()).map(GarbageKind::wireName).collect(Collectors.joining(", ")));
    }
}
