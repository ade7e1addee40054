package io.tsfm.streams.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The tests' own reading of a tick value: what any reasonable consumer would accept as a tick. */
final class TickValidity {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TickValidity() {}

    static boolean isValid(final byte[] value) {
        final JsonNode node = parse(value);
        return node != null
                && node.isObject()
                && node.path("market_id").isTextual()
                && !node.path("market_id").asText().isEmpty()
                && node.path("ts").isTextual()
                && parsesAsInstant(node.path("ts").asText())
                && node.path("p_yes").isNumber()
                && node.path("p_yes").asDouble() >= 0.0
                && node.path("p_yes").asDouble() <= 1.0;
    }

    static JsonNode parse(final byte[] value) {
        try {
            return MAPPER.readTree(value);
        } catch (final IOException e) {
            return null;
        }
    }

    private static boolean parsesAsInstant(final String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (final DateTimeParseException e) {
            return false;
        }
    }
}
