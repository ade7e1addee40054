package io.tsfm.streams.ops.api;

import static io.tsfm.streams.ops.api.RequestJson.absent;
import static io.tsfm.streams.ops.api.RequestJson.excerpt;
import static io.tsfm.streams.ops.api.RequestJson.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The on-demand request's datetimes ({@code as_of_ts}, {@code y_ts}) read as the seed's pydantic reads them,
 * kept apart from {@link OnDemandRequestParser} because their formats and range checks are a rule set of their own.
 */
final class RequestTimestamps {
    /** Timestamps outside [2000, 2100) are unit or clock bugs, as the stream's tick validation judges them. */
    static final long MIN_TS_MS = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

    static final long MAX_TS_MS = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

    /** pydantic's rule for numeric datetimes: above this many seconds the number is milliseconds. */
    private static final double MS_THRESHOLD = 2e10;

    private RequestTimestamps() {}

    /** The timestamps of y, one per value: strictly increasing and whole steps of {@code freq} apart. */
    static long[] yTs(final JsonNode node, final int length, final long stepMs) {
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid("y_ts must be a list of timestamps");
        }
        if (node.size() != length) {
            throw new InvalidRequestException("y_ts length must match y");
        }
        final long[] out = new long[length];
        for (int i = 0; i < length; i++) {
            out[i] = timestamp(node.get(i), "y_ts[" + i + "]");
        }
        for (int i = 1; i < length; i++) {
            if (out[i] <= out[i - 1]) {
                throw invalid("y_ts must be strictly increasing");
            }
        }
        for (int i = 1; i < length; i++) {
            if ((out[i] - out[i - 1]) % stepMs != 0) {
                throw invalid("y_ts spacing must align with freq");
            }
        }
        return out;
    }

    /**
     * A datetime as pydantic reads one: an ISO-8601 string with an offset or Z (a naive one is UTC; a space
     * may separate date and time), or a number of seconds since the epoch (milliseconds above 2e10).
     */
    static long timestamp(final JsonNode node, final String field) {
        final long ms = parsedTimestamp(node, field);
        if (ms < MIN_TS_MS || ms >= MAX_TS_MS) {
            throw invalid(field + " is outside 2000..2099: " + excerpt(node.asText()));
        }
        return ms;
    }

    private static long parsedTimestamp(final JsonNode node, final String field) {
        if (absent(node)) {
            throw invalid(field + " is required");
        }
        if (node.isNumber()) {
            final double v = node.asDouble();
            if (!Double.isFinite(v) || Math.abs(v) > 1e14) {
                throw invalid(field + " is not a timestamp: " + excerpt(node.asText()));
            }
            return Math.abs(v) > MS_THRESHOLD ? Math.round(v) : Math.round(v * 1000.0);
        }
        if (!node.isTextual()) {
            throw invalid(field + " is not a timestamp: " + excerpt(node.toString()));
        }
        final String text = node.asText().trim();
        final String iso =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (final DateTimeException offsetMissing) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (final DateTimeException e) {
                try {
                    return Instant.parse(iso).toEpochMilli();
                } catch (final DateTimeException e2) {
                    throw invalid(field + " is not a timestamp: " + excerpt(text));
                }
            }
        }
    }
}
