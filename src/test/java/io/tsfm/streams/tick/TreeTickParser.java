package io.tsfm.streams.tick;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.domain.TickRejection;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The tree-based {@link TickParser} as it was before the streaming rewrite, kept verbatim (bar names) as the
 * oracle of {@link TickParserEquivalenceTest}: the rewrite promised the same verdict and detail for every input.
 */
final class TreeTickParser {
    private static final long MIN_TS_MS = TickParser.MIN_TS_MS;
    private static final int MAX_MARKET_ID_LENGTH = 256;

    /** Content after the one JSON value (a second object, stray text) makes the record malformed. */
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final long maxFutureSkewMs;

    TreeTickParser(final long maxFutureSkewMs) {
        this.maxFutureSkewMs = maxFutureSkewMs;
    }

    /**
     * @param key             the record key as UTF-8, or null when the record has none
     * @param value           the record value bytes
     * @param recordTimestamp the Kafka record timestamp, the reference for "absurd" future event times
     */
    TickParser.Result parse(final String key, final byte[] value, final long recordTimestamp) {
        if (value == null || value.length == 0) {
            return reject(TickRejection.EMPTY_VALUE, "record has no value");
        }
        final JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (final JsonProcessingException e) {
            return reject(TickRejection.MALFORMED_JSON, e.getOriginalMessage());
        } catch (final IOException e) {
            return reject(TickRejection.MALFORMED_JSON, e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return reject(
                    TickRejection.NOT_AN_OBJECT,
                    "expected a JSON object, got " + (root == null ? "nothing" : root.getNodeType()));
        }
        final JsonNode id = root.get("market_id");
        if (id == null || id.isNull()) {
            return reject(TickRejection.MISSING_FIELD, "market_id is missing");
        }
        if (!id.isTextual() || id.asText().isBlank()) {
            return reject(TickRejection.WRONG_TYPE, "market_id must be a non-empty string");
        }
        final String marketId = id.asText();
        if (marketId.length() > MAX_MARKET_ID_LENGTH) {
            return reject(TickRejection.OUT_OF_RANGE, "market_id is longer than " + MAX_MARKET_ID_LENGTH);
        }
        if (key != null && !key.isEmpty() && !key.equals(marketId)) {
            return reject(
                    TickRejection.KEY_MISMATCH,
                    "record key '" + abbreviate(key) + "' differs from market_id '" + abbreviate(marketId) + "'");
        }
        final JsonNode tsNode = root.get("ts");
        if (tsNode == null || tsNode.isNull()) {
            return reject(TickRejection.MISSING_FIELD, "ts is missing");
        }
        final long ts;
        try {
            ts = parseTimestamp(tsNode);
        } catch (final IllegalArgumentException e) {
            return reject(TickRejection.UNPARSEABLE_TIMESTAMP, e.getMessage());
        }
        if (ts < MIN_TS_MS) {
            return reject(TickRejection.ABSURD_TIMESTAMP, "ts " + Instant.ofEpochMilli(ts) + " is before 2000");
        }
        // ts > recordTimestamp + skew, written so that a huge skew cannot overflow (ts >= MIN_TS_MS > 0 here)
        if (ts - maxFutureSkewMs > recordTimestamp) {
            return reject(
                    TickRejection.ABSURD_TIMESTAMP,
                    "ts " + Instant.ofEpochMilli(ts)
                            + " is more than " + maxFutureSkewMs + " ms after the record timestamp "
                            + Instant.ofEpochMilli(recordTimestamp));
        }
        final JsonNode p = root.get("p_yes");
        if (p == null || p.isNull()) {
            return reject(TickRejection.MISSING_FIELD, "p_yes is missing");
        }
        if (!p.isNumber()) {
            if (p.isTextual() && isNonFiniteWord(p.asText())) {
                return reject(TickRejection.NON_FINITE, "p_yes is not finite: the string \"" + p.asText() + "\"");
            }
            return reject(TickRejection.WRONG_TYPE, "p_yes must be a number, got " + p.getNodeType());
        }
        final double pYes = p.asDouble();
        if (!Double.isFinite(pYes)) {
            return reject(TickRejection.NON_FINITE, "p_yes is not finite");
        }
        if (pYes < 0.0 || pYes > 1.0) {
            return reject(TickRejection.OUT_OF_RANGE, "p_yes " + pYes + " is outside [0,1]");
        }
        final JsonNode bucketNode = root.get("liquidity_bucket");
        String bucket = null;
        if (bucketNode != null && !bucketNode.isNull()) {
            if (!bucketNode.isTextual()) {
                return reject(TickRejection.WRONG_TYPE, "liquidity_bucket must be a string");
            }
            bucket = bucketNode.asText().trim().toLowerCase(Locale.ROOT);
            if (bucket.isEmpty()) {
                bucket = null;
            }
        }
        final Double volume;
        final Double openInterest;
        try {
            volume = optionalNonNegative(root, "volume_24h");
            openInterest = optionalNonNegative(root, "open_interest");
        } catch (final Rejected r) {
            return reject(r.reason, r.getMessage());
        }
        return new TickParser.Result(new Tick(marketId, ts, pYes, bucket, volume, openInterest), null);
    }

    private static TickParser.Result reject(final String reason, final String detail) {
        return new TickParser.Result(null, new TickRejection(reason, detail));
    }

    private static Double optionalNonNegative(final JsonNode root, final String field) throws Rejected {
        final JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new Rejected(TickRejection.WRONG_TYPE, field + " must be a number");
        }
        final double v = n.asDouble();
        if (!Double.isFinite(v)) {
            throw new Rejected(TickRejection.NON_FINITE, field + " is not finite");
        }
        if (v < 0) {
            throw new Rejected(TickRejection.OUT_OF_RANGE, field + " must not be negative");
        }
        return v;
    }

    private static long parseTimestamp(final JsonNode node) {
        if (node.getNodeType() == JsonNodeType.NUMBER) {
            if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
                throw new IllegalArgumentException("ts must be whole epoch milliseconds, got " + node);
            }
            return node.asLong();
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("ts must be an ISO-8601 string or epoch milliseconds");
        }
        final String text = node.asText().trim();
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

    private static boolean isNonFiniteWord(final String s) {
        final String w = s.trim().toLowerCase(Locale.ROOT);
        return w.equals("nan") || w.equals("inf") || w.equals("-inf") || w.equals("infinity") || w.equals("-infinity");
    }

    private static String abbreviate(final String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
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
