package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads JSON the way pydantic validates a strict model: exact JSON types, no unknown fields, and
 * every problem collected as a {@link ValidationError} (type, loc, msg, input) rather than stopping
 * at the first. Getters return {@code null} after recording an error.
 */
final class StrictReader {

    /** More errors than this are dropped, so a huge broken body cannot produce a huge answer. */
    static final int MAX_ERRORS = 1000;

    private final List<ValidationError> errors = new ArrayList<>();

    /** Parses a request body that must be a JSON object; throws with a pydantic-style error otherwise. */
    static ObjectNode parseObject(final byte[] body) {
        if (body.length == 0) {
            throw single("missing", Loc.body(), "Field required", null);
        }
        final JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            final long offset =
                    e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getCharOffset());
            throw single("json_invalid", Loc.body().child(offset), "JSON decode error", null);
        } catch (IOException e) {
            throw single("json_invalid", Loc.body().child(0), "JSON decode error", null);
        }
        if (root == null || root.isMissingNode()) {
            throw single("missing", Loc.body(), "Field required", null);
        }
        if (!root.isObject()) {
            throw single(
                    "model_attributes_type",
                    Loc.body(),
                    "Input should be a valid dictionary or object to extract fields from",
                    root);
        }
        return (ObjectNode) root;
    }

    private static RequestValidationException single(
            final String type, final Loc loc, final String msg, final JsonNode input) {
        return new RequestValidationException(List.of(new ValidationError(type, loc.parts(), msg, input)));
    }

    void error(final String type, final Loc loc, final String msg, final JsonNode input) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ValidationError(type, loc.parts(), msg, input));
        }
    }

    int errorCount() {
        return errors.size();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }

    /** Absent means "not sent"; JSON null is present (and only allowed where a field is optional). */
    static boolean absent(final JsonNode node) {
        return node == null || node.isMissingNode();
    }

    void rejectUnknown(final ObjectNode object, final Set<String> allowed, final Loc loc) {
        final Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            final String name = names.next();
            if (!allowed.contains(name)) {
                error("extra_forbidden", loc.child(name), "Extra inputs are not permitted", object.get(name));
            }
        }
    }

    ObjectNode object(final JsonNode node, final Loc loc, final String modelName) {
        if (node != null && node.isObject()) {
            return (ObjectNode) node;
        }
        error("model_type", loc, "Input should be a valid dictionary or instance of " + modelName, node);
        return null;
    }

    /** A required field: records "missing" and returns null when absent. */
    JsonNode required(final ObjectNode parent, final String field, final Loc loc) {
        final JsonNode node = parent.get(field);
        if (absent(node)) {
            error("missing", loc.child(field), "Field required", parent);
            return null;
        }
        return node;
    }

    String string(final JsonNode node, final Loc loc) {
        if (node != null && node.isTextual()) {
            return node.textValue();
        }
        error("string_type", loc, "Input should be a valid string", node);
        return null;
    }

    String nonEmptyString(final JsonNode node, final Loc loc) {
        final String value = string(node, loc);
        if (value != null && value.isEmpty()) {
            error("string_too_short", loc, "String should have at least 1 character", node);
            return null;
        }
        return value;
    }

    /** A JSON integer (not 12.0, not "12") in [1, max]. */
    Integer positiveInt(final JsonNode node, final Loc loc, final int max) {
        if (node == null || !node.isIntegralNumber()) {
            error("int_type", loc, "Input should be a valid integer", node);
            return null;
        }
        final BigInteger value = node.bigIntegerValue();
        if (value.signum() <= 0) {
            error("greater_than", loc, "Input should be greater than 0", node);
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            error("less_than_equal", loc, "Input should be less than or equal to " + max, node);
            return null;
        }
        return value.intValue();
    }

    /** A finite JSON number (integers allowed). */
    Double finiteNumber(final JsonNode node, final Loc loc) {
        if (node == null || !node.isNumber()) {
            error("float_type", loc, "Input should be a valid number", node);
            return null;
        }
        final double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            error("finite_number", loc, "Input should be a finite number", node);
            return null;
        }
        return value;
    }

    Boolean bool(final JsonNode node, final Loc loc) {
        if (node != null && node.isBoolean()) {
            return node.booleanValue();
        }
        error("bool_type", loc, "Input should be a valid boolean", node);
        return null;
    }

    ArrayNode list(final JsonNode node, final Loc loc, final int minItems) {
        if (node == null || !node.isArray()) {
            error("list_type", loc, "Input should be a valid list", node);
            return null;
        }
        if (node.size() < minItems) {
            error(
                    "too_short",
                    loc,
                    "List should have at least " + minItems + " item" + (minItems == 1 ? "" : "s")
                            + " after validation, not " + node.size(),
                    node);
            return null;
        }
        return (ArrayNode) node;
    }

    ObjectNode dict(final JsonNode node, final Loc loc) {
        if (node != null && node.isObject()) {
            return (ObjectNode) node;
        }
        error("dict_type", loc, "Input should be a valid dictionary", node);
        return null;
    }

    /** A list of finite numbers; null when any element is wrong (each one recorded). */
    double[] numbers(final JsonNode node, final Loc loc, final int minItems) {
        final ArrayNode array = list(node, loc, minItems);
        if (array == null) {
            return null;
        }
        final int before = errorCount();
        final double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            final Double v = finiteNumber(array.get(i), loc.child(i));
            out[i] = v == null ? Double.NaN : v;
        }
        return errorCount() == before ? out : null;
    }
}
