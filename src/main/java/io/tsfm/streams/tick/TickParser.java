package io.tsfm.streams.tick;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.domain.TickRejection;
import io.tsfm.streams.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns the raw bytes of a tick into a {@link Tick} or a {@link TickRejection}; pure, so every rule
 * is tested directly. Unknown fields are ignored (producers may add fields before we read them).
 *
 * <p>It reads the value in one pass over Jackson's streaming tokens (every tick goes through here, and
 * building a tree per tick was a large share of the ingest cost). The whole value is read before any
 * rule is applied, so a record that is not well-formed JSON anywhere, or has content after its value, is
 * {@code malformed_json} whatever else is wrong with it; a field given twice counts with its last value.
 */
public final class TickParser {
    /** Earliest event time accepted: anything before 2000-01-01 is a unit or clock bug. */
    public static final long MIN_TS_MS = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

    private static final int MAX_MARKET_ID_LENGTH = 256;
    private static final JsonFactory FACTORY = Json.mapper().getFactory();
    /**
     * Jackson's own text for a token after the value ({@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS}
     * when reading a tree): the parser has no such check, so the detail is kept as it was.
     */
    private static String trailingToken(final Object token) {
        return "Trailing token (of type " + token + ") found after value (bound as "
                + "`com.fasterxml.jackson.databind.JsonNode`): not allowed as per "
                + "`DeserializationFeature.FAIL_ON_TRAILING_TOKENS`";
    }

    private final long maxFutureSkewMs;

    public TickParser(final long maxFutureSkewMs) {
        this.maxFutureSkewMs = maxFutureSkewMs;
    }

    /** Result of one parse: exactly one of tick and rejection is set. */
    public record Result(Tick tick, TickRejection rejection) {
        static Result ok(final Tick tick) {
            return new Result(tick, null);
        }

        static Result reject(final String reason, final String detail) {
            return new Result(null, new TickRejection(reason, detail));
        }

        public boolean valid() {
            return tick != null;
        }
    }

    /**
     * Parses and validates one record of the tick topic.
     *
     * @param key             the record key as UTF-8, or null when the record has none
     * @param value           the record value bytes
     * @param recordTimestamp the Kafka record timestamp, the reference for "absurd" future event times
     */
    public Result parse(final String key, final byte[] value, final long recordTimestamp) {
        if (value == null || value.length == 0) {
            return Result.reject(TickRejection.EMPTY_VALUE, "record has no value");
        }
        final TickFields f = new TickFields();
        final JsonToken root;
        try (JsonParser p = FACTORY.createParser(value)) {
            root = p.nextToken();
            if (root == JsonToken.START_OBJECT) {
                f.readObject(p);
            } else {
                p.skipChildren();
            }
            final JsonToken trailing = root == null ? null : p.nextToken();
            if (trailing != null) {
                return Result.reject(TickRejection.MALFORMED_JSON, trailingToken(trailing));
            }
        } catch (final JsonProcessingException e) {
            return Result.reject(TickRejection.MALFORMED_JSON, e.getOriginalMessage());
        } catch (final IOException e) {
            return Result.reject(TickRejection.MALFORMED_JSON, e.getMessage());
        }
        if (root != JsonToken.START_OBJECT) {
            return Result.reject(
                    TickRejection.NOT_AN_OBJECT,
                    "expected a JSON object, got " + (root == null ? JsonNodeType.MISSING : nodeType(root)));
        }
        if (f.marketIdToken == null || f.marketIdToken == JsonToken.VALUE_NULL) {
            return Result.reject(TickRejection.MISSING_FIELD, "market_id is missing");
        }
        if (f.marketIdToken != JsonToken.VALUE_STRING || f.marketId.isBlank()) {
            return Result.reject(TickRejection.WRONG_TYPE, "market_id must be a non-empty string");
        }
        final String marketId = f.marketId;
        if (marketId.length() > MAX_MARKET_ID_LENGTH) {
            return Result.reject(TickRejection.OUT_OF_RANGE, "market_id is longer than " + MAX_MARKET_ID_LENGTH);
        }
        if (key != null && !key.isEmpty() && !key.equals(marketId)) {
            return Result.reject(
                    TickRejection.KEY_MISMATCH,
                    "record key '" + abbreviate(key) + "' differs from market_id '" + abbreviate(marketId) + "'");
        }
        if (f.tsToken == null || f.tsToken == JsonToken.VALUE_NULL) {
            return Result.reject(TickRejection.MISSING_FIELD, "ts is missing");
        }
        final long ts;
        try {
            ts = timestamp(f);
        } catch (final IllegalArgumentException e) {
            return Result.reject(TickRejection.UNPARSEABLE_TIMESTAMP, e.getMessage());
        }
        if (ts < MIN_TS_MS) {
            return Result.reject(TickRejection.ABSURD_TIMESTAMP, "ts " + Instant.ofEpochMilli(ts) + " is before 2000");
        }
        // ts > recordTimestamp + skew, written so that a huge skew cannot overflow (ts >= MIN_TS_MS > 0 here)
        if (ts - maxFutureSkewMs > recordTimestamp) {
            return Result.reject(
                    TickRejection.ABSURD_TIMESTAMP,
                    "ts " + Instant.ofEpochMilli(ts)
                            + " is more than " + maxFutureSkewMs + " ms after the record timestamp "
                            + Instant.ofEpochMilli(recordTimestamp));
        }
        if (f.pYesToken == null || f.pYesToken == JsonToken.VALUE_NULL) {
            return Result.reject(TickRejection.MISSING_FIELD, "p_yes is missing");
        }
        if (!f.pYesToken.isNumeric()) {
            if (f.pYesToken == JsonToken.VALUE_STRING && isNonFiniteWord(f.pYesText)) {
                return Result.reject(
                        TickRejection.NON_FINITE, "p_yes is not finite: the string \"" + abbreviate(f.pYesText) + "\"");
            }
            return Result.reject(TickRejection.WRONG_TYPE, "p_yes must be a number, got " + nodeType(f.pYesToken));
        }
        final double pYes = f.pYes;
        if (!Double.isFinite(pYes)) {
            return Result.reject(TickRejection.NON_FINITE, "p_yes is not finite");
        }
        if (pYes < 0.0 || pYes > 1.0) {
            return Result.reject(TickRejection.OUT_OF_RANGE, "p_yes " + pYes + " is outside [0,1]");
        }
        String bucket = null;
        if (f.bucketToken != null && f.bucketToken != JsonToken.VALUE_NULL) {
            if (f.bucketToken != JsonToken.VALUE_STRING) {
                return Result.reject(TickRejection.WRONG_TYPE, "liquidity_bucket must be a string");
            }
            bucket = f.bucket.trim().toLowerCase(Locale.ROOT);
            if (bucket.isEmpty()) {
                bucket = null;
            }
        }
        final Double volume;
        final Double openInterest;
        try {
            volume = optionalNonNegative(f.volumeToken, f.volume, "volume_24h");
            openInterest = optionalNonNegative(f.openInterestToken, f.openInterest, "open_interest");
        } catch (final Rejected r) {
            return Result.reject(r.reason, r.getMessage());
        }
        return Result.ok(new Tick(marketId, ts, pYes, bucket, volume, openInterest));
    }

    private static long timestamp(final TickFields f) {
        if (f.tsNumber != null) {
            final JsonNode node = f.tsNumber;
            if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
                throw new IllegalArgumentException("ts must be whole epoch milliseconds, got " + node);
            }
            return node.asLong();
        }
        if (f.tsToken == JsonToken.VALUE_NUMBER_INT) {
            return f.tsMs;
        }
        if (f.tsToken != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("ts must be an ISO-8601 string or epoch milliseconds");
        }
        final String text = f.tsText.trim();
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (final DateTimeException ignored) {
            // fall through: offsets other than Z
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
        } catch (final DateTimeException e) {
            throw new IllegalArgumentException("ts '" + abbreviate(text) + "' is not ISO-8601 with an offset");
        }
    }

    private static Double optionalNonNegative(final JsonToken token, final double v, final String field)
            throws Rejected {
        if (token == null || token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isNumeric()) {
            throw new Rejected(TickRejection.WRONG_TYPE, field + " must be a number");
        }
        if (!Double.isFinite(v)) {
            throw new Rejected(TickRejection.NON_FINITE, field + " is not finite");
        }
        if (v < 0) {
            throw new Rejected(TickRejection.OUT_OF_RANGE, field + " must not be negative");
        }
        return v;
    }

    /** The tree node type a value starting with this token reads as: the name rejection details give. */
    private static JsonNodeType nodeType(final JsonToken t) {
        return switch (t) {
            case START_OBJECT -> JsonNodeType.OBJECT;
            case START_ARRAY -> JsonNodeType.ARRAY;
            case VALUE_STRING -> JsonNodeType.STRING;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonNodeType.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> JsonNodeType.BOOLEAN;
            case VALUE_NULL -> JsonNodeType.NULL;
            default -> JsonNodeType.POJO;
        };
    }

    private static boolean isNonFiniteWord(final String s) {
        final String w = s.trim().toLowerCase(Locale.ROOT);
        return w.equals("nan") || w.equals("inf") || w.equals("-inf") || w.equals("infinity") || w.equals("-infinity");
    }

    private static String abbreviate(final String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** The key as text, or null for a record without one. */
    public static String keyText(final byte[] key) {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Rejected(final String reason, final String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
