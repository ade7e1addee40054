package io.tsfm.streams.tick;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * What {@link TickParser}'s one pass over a record's tokens (no tree per tick) keeps for its rules: the token
 * each known field's value started with (null when absent) and, for the types the rules read, its value.
 */
final class TickFields {
    JsonToken marketIdToken;
    String marketId;
    JsonToken tsToken;
    String tsText;
    long tsMs;
    /** A numeric ts that is not a plain long (a fraction, or too big), as the node the rules inspect. */
    JsonNode tsNumber;

    JsonToken pYesToken;
    String pYesText;
    double pYes;
    JsonToken bucketToken;
    String bucket;
    JsonToken volumeToken;
    double volume;
    JsonToken openInterestToken;
    double openInterest;

    /**
     * Reads the fields of the root object, the parser on its START_OBJECT; leaves it on the END_OBJECT.
     * Values are skipped with {@link JsonParser#skipChildren()}, which still tokenizes every byte: a value
     * Jackson refuses anywhere in the record (bad syntax, bad UTF-8, a number over its length limit) still
     * makes the record malformed.
     */
    void readObject(final JsonParser p) throws IOException {
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            final JsonToken t = p.nextToken();
            switch (name) {
                case "market_id" -> {
                    marketIdToken = t;
                    marketId = t == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                case "ts" -> {
                    tsToken = t;
                    tsText = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    tsNumber = null;
                    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        tsMs = p.getLongValue();
                    } else if (t == JsonToken.VALUE_NUMBER_INT) {
                        tsNumber = JsonNodeFactory.instance.numberNode(p.getBigIntegerValue());
                    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                        tsNumber = JsonNodeFactory.instance.numberNode(p.getDoubleValue());
                    }
                }
                case "p_yes" -> {
                    pYesToken = t;
                    pYesText = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    pYes = t.isNumeric() ? p.getDoubleValue() : Double.NaN;
                }
                case "liquidity_bucket" -> {
                    bucketToken = t;
                    bucket = t == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                case "volume_24h" -> {
                    volumeToken = t;
                    volume = t.isNumeric() ? p.getDoubleValue() : Double.NaN;
                }
                case "open_interest" -> {
                    openInterestToken = t;
                    openInterest = t.isNumeric() ? p.getDoubleValue() : Double.NaN;
                }
                default -> {
                    // unknown: ignored
                }
            }
            p.skipChildren();
        }
    }
}
