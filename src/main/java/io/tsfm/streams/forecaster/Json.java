package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.UncheckedIOException;

/** The one Jackson configuration of the forecaster: strict on input (trailing tokens are an error). */
final class Json {

    /** Fast double parsing: a forecast request is mostly numbers (64 series of 288 by default). */
    static final ObjectMapper MAPPER = io.tsfm.streams.json.Json.requests();

    private Json() {}

    static byte[] bytes(final Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Numbers as a JSON array, NaN and infinities written as {@code null} (as tollama does). */
    static ArrayNode numbers(final double[] values) {
        final ArrayNode array = MAPPER.createArrayNode();
        for (final double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
        return array;
    }
}
