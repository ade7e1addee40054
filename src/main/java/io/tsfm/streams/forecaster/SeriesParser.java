package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates one entry of {@code series[]}: field types first, then (only when those are fine) the
 * cross-field rules: timestamps and target of equal length, past covariates as long as the target,
 * future covariates as long as the horizon and also present in the past, and at least 3 timestamps
 * when freq is "auto".
 */
final class SeriesParser {

    private static final Set<String> FIELDS =
            Set.of("id", "freq", "timestamps", "target", "past_covariates", "future_covariates", "static_covariates");

    private SeriesParser() {}

    /** The series, or null when it has errors (recorded in {@code r}). */
    static SeriesInput parse(final JsonNode node, final Loc loc, final Integer horizon, final StrictReader r) {
        final ObjectNode obj = r.object(node, loc, "SeriesInput");
        if (obj == null) {
            return null;
        }
        final int before = r.errorCount();
        final JsonNode idNode = r.required(obj, "id", loc);
        final String id = idNode == null ? null : r.nonEmptyString(idNode, loc.child("id"));
        final JsonNode freqNode = obj.get("freq");
        final String freq = StrictReader.absent(freqNode) ? "auto" : r.string(freqNode, loc.child("freq"));
        final List<String> timestamps = timestamps(obj, loc, r);
        final JsonNode targetNode = r.required(obj, "target", loc);
        final double[] target = targetNode == null ? null : r.numbers(targetNode, loc.child("target"), 1);
        final Map<String, Integer> past = covariates(obj, "past_covariates", loc, r);
        final Map<String, Integer> future = covariates(obj, "future_covariates", loc, r);
        final JsonNode statics = obj.get("static_covariates");
        if (!StrictReader.absent(statics) && !statics.isNull()) {
            r.dict(statics, loc.child("static_covariates"));
        }
        r.rejectUnknown(obj, FIELDS, loc);
        if (r.errorCount() != before) {
            return null;
        }
        crossCheck(obj, loc, freq, timestamps, target, past, future, horizon, r);
        return r.errorCount() == before ? new SeriesInput(id, freq, timestamps, target) : null;
    }

    private static List<String> timestamps(final ObjectNode obj, final Loc loc, final StrictReader r) {
        final JsonNode node = r.required(obj, "timestamps", loc);
        if (node == null) {
            return null;
        }
        final Loc at = loc.child("timestamps");
        final ArrayNode array = r.list(node, at, 0);
        if (array == null) {
            return null;
        }
        final List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(r.string(array.get(i), at.child(i)));
        }
        return out;
    }

    /** Covariate name to length; each value must be a list of finite numbers or strings. */
    private static Map<String, Integer> covariates(
            final ObjectNode obj, final String field, final Loc loc, final StrictReader r) {
        final JsonNode node = obj.get(field);
        if (StrictReader.absent(node) || node.isNull()) {
            return Map.of();
        }
        final ObjectNode dict = r.dict(node, loc.child(field));
        if (dict == null) {
            return Map.of();
        }
        final Map<String, Integer> lengths = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> e : dict.properties()) {
            final Loc at = loc.child(field).child(e.getKey());
            final ArrayNode values = r.list(e.getValue(), at, 0);
            if (values == null) {
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                if (!values.get(i).isTextual()) {
                    r.finiteNumber(values.get(i), at.child(i));
                }
            }
            lengths.put(e.getKey(), values.size());
        }
        return lengths;
    }

    private static void crossCheck(
            final ObjectNode obj,
            final Loc loc,
            final String freq,
            final List<String> timestamps,
            final double[] target,
            final Map<String, Integer> past,
            final Map<String, Integer> future,
            final Integer horizon,
            final StrictReader r) {
        if (timestamps.size() != target.length) {
            r.error(
                    "value_error",
                    loc,
                    "Value error, timestamps and target must have the same length (got " + timestamps.size() + " and "
                            + target.length + ")",
                    obj);
        }
        if ("auto".equals(freq) && timestamps.size() < 3) {
            r.error(
                    "value_error",
                    loc,
                    "Value error, freq 'auto' needs at least 3 timestamps; send freq explicitly",
                    obj);
        }
        past.forEach((name, length) -> {
            if (length != target.length) {
                r.error(
                        "value_error",
                        loc.child("past_covariates").child(name),
                        "Value error, past covariate '" + name + "' has " + length + " values but target has "
                                + target.length,
                        obj.get("past_covariates").get(name));
            }
        });
        future.forEach((name, length) -> {
            final Loc at = loc.child("future_covariates").child(name);
            final JsonNode input = obj.get("future_covariates").get(name);
            if (horizon != null && !length.equals(horizon)) {
                r.error(
                        "value_error",
                        at,
                        "Value error, future covariate '" + name + "' has " + length + " values but horizon is "
                                + horizon,
                        input);
            }
            if (!past.containsKey(name)) {
                r.error(
                        "value_error",
                        at,
                        "Value error, future covariate '" + name + "' must also be a past covariate",
                        input);
            }
        });
    }
}
