package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Map;

/**
 * Breaks a correct forecast response in one of the {@link GarbageKind} ways, so clients' payload
 * validation (finite values, horizon, quantile set, JSON parsing) can be tested against real HTTP.
 */
final class GarbageMaker {

    private GarbageMaker() {}

    /** The serialized response, broken as {@code kind} says. */
    static byte[] corrupt(final ObjectNode response, final GarbageKind kind) {
        if (kind == GarbageKind.BROKEN_JSON) {
            return truncate(Json.bytes(response));
        }
        for (final JsonNode forecast : response.get("forecasts")) {
            final ObjectNode entry = (ObjectNode) forecast;
            switch (kind) {
                case NAN -> eachPath(entry, GarbageMaker::nullMiddle);
                case WRONG_HORIZON -> eachPath(entry, GarbageMaker::wrongLength);
                case MISSING_QUANTILE -> dropHighestQuantile(entry);
                default -> throw new IllegalStateException("unhandled " + kind);
            }
        }
        return Json.bytes(response);
    }

    /** Cuts a JSON document in half, so it no longer parses. */
    static byte[] truncate(final byte[] json) {
        return Arrays.copyOf(json, Math.max(1, json.length / 2));
    }

    private static void eachPath(final ObjectNode entry, final java.util.function.Consumer<ArrayNode> change) {
        change.accept((ArrayNode) entry.get("mean"));
        final JsonNode quantiles = entry.get("quantiles");
        if (quantiles != null && quantiles.isObject()) {
            quantiles.forEach(path -> change.accept((ArrayNode) path));
        }
    }

    private static void nullMiddle(final ArrayNode path) {
        path.setNull(path.size() / 2);
    }

    private static void wrongLength(final ArrayNode path) {
        if (path.size() > 1) {
            path.remove(path.size() - 1);
        } else {
            path.add(path.get(0).deepCopy());
        }
    }

    private static void dropHighestQuantile(final ObjectNode entry) {
        final JsonNode quantiles = entry.get("quantiles");
        if (quantiles == null || quantiles.isEmpty()) {
            entry.putNull("mean");
            return;
        }
        String last = null;
        for (final Map.Entry<String, JsonNode> field : quantiles.properties()) {
            last = field.getKey();
        }
        ((ObjectNode) quantiles).remove(last);
    }
}
