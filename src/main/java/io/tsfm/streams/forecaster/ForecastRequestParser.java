package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a forecast request body as strictly as tollama (FastAPI + pydantic) does, so clients
 * tested against the local forecaster are not surprised by the real one. All field problems are
 * reported together as a 400 {@code detail} array; series-level cross checks run only on series whose
 * fields are individually valid.
 */
final class ForecastRequestParser {

    /** Upper bound on horizon, protecting the test server's memory (tollama has no documented bound). */
    static final int MAX_HORIZON = 10_000;

    private static final Set<String> FIELDS =
            Set.of("model", "horizon", "quantiles", "series", "data_url", "options", "timeout", "keep_alive");
    private static final Set<String> STREAMING_FIELDS = union(FIELDS, "stream");

    private ForecastRequestParser() {}

    /**
     * Parses and validates: a plainly valid body in one streaming pass ({@link FastRequestReader}), any other
     * strictly, as a tree, with every problem found.
     *
     * @param streamingEndpoint true for {@code /api/forecast}, where {@code stream} is allowed
     * @throws RequestValidationException with every problem found
     * @throws ApiError 400 for a request that only names a {@code data_url} (not supported locally)
     */
    static ForecastRequest parse(final byte[] body, final boolean streamingEndpoint) {
        final ForecastRequest plain = FastRequestReader.read(body, streamingEndpoint);
        return plain != null ? plain : strictly(body, streamingEndpoint);
    }

    /** The strict reading alone, as a tree: what a body that is not plainly valid gets. */
    static ForecastRequest strictly(final byte[] body, final boolean streamingEndpoint) {
        final ObjectNode root = StrictReader.parseObject(body);
        final StrictReader r = new StrictReader();
        final Loc loc = Loc.body();

        final JsonNode modelNode = r.required(root, "model", loc);
        final String model = modelNode == null ? null : r.string(modelNode, loc.child("model"));
        final JsonNode horizonNode = r.required(root, "horizon", loc);
        final Integer horizon =
                horizonNode == null ? null : r.positiveInt(horizonNode, loc.child("horizon"), MAX_HORIZON);
        final double[] quantiles = quantiles(root.get("quantiles"), loc.child("quantiles"), r);
        final List<SeriesInput> series = series(root, loc, horizon, r);
        optionalDict(root, "options", loc, r);
        final Double timeout = timeout(root.get("timeout"), loc.child("timeout"), r);
        keepAlive(root.get("keep_alive"), loc.child("keep_alive"), r);
        final boolean stream = streamingEndpoint && stream(root.get("stream"), loc.child("stream"), r);
        r.rejectUnknown(root, streamingEndpoint ? STREAMING_FIELDS : FIELDS, loc);
        r.throwIfAny();
        if (series == null) {
            throw new ApiError(
                    400,
                    Map.of(
                            "code",
                            "BAD_REQUEST",
                            "message",
                            "data_url is not supported by the local forecaster; send series inline"));
        }
        return new ForecastRequest(model, horizon, quantiles, series, timeout, stream);
    }

    private static double[] quantiles(final JsonNode node, final Loc loc, final StrictReader r) {
        if (StrictReader.absent(node) || node.isNull()) {
            return new double[0];
        }
        final ArrayNode array = r.list(node, loc, 0);
        if (array == null) {
            return new double[0];
        }
        final int before = r.errorCount();
        final double[] levels = new double[array.size()];
        for (int i = 0; i < levels.length; i++) {
            final Double v = r.finiteNumber(array.get(i), loc.child(i));
            if (v == null) {
                continue;
            }
            if (v <= 0.0) {
                r.error("greater_than", loc.child(i), "Input should be greater than 0", array.get(i));
            } else if (v >= 1.0) {
                r.error("less_than", loc.child(i), "Input should be less than 1", array.get(i));
            }
            levels[i] = v;
        }
        if (r.errorCount() == before) {
            for (int i = 1; i < levels.length; i++) {
                if (!(levels[i] > levels[i - 1])) {
                    r.error("value_error", loc, "Value error, quantiles must be unique and strictly ascending", node);
                    break;
                }
            }
        }
        return levels;
    }

    /** The series list, or null when only data_url was sent. */
    private static List<SeriesInput> series(
            final ObjectNode root, final Loc loc, final Integer horizon, final StrictReader r) {
        final JsonNode dataUrl = root.get("data_url");
        if (!StrictReader.absent(dataUrl) && !dataUrl.isNull()) {
            r.string(dataUrl, loc.child("data_url"));
        }
        final JsonNode node = root.get("series");
        final boolean hasDataUrl = !StrictReader.absent(dataUrl) && !dataUrl.isNull();
        if ((StrictReader.absent(node) || node.isNull()) && hasDataUrl) {
            return null;
        }
        if (StrictReader.absent(node)) {
            r.error("missing", loc.child("series"), "Field required", root);
            return List.of();
        }
        final ArrayNode array = r.list(node, loc.child("series"), 1);
        if (array == null) {
            return List.of();
        }
        final List<SeriesInput> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            final SeriesInput s =
                    SeriesParser.parse(array.get(i), loc.child("series").child(i), horizon, r);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static void optionalDict(final ObjectNode root, final String field, final Loc loc, final StrictReader r) {
        final JsonNode node = root.get(field);
        if (!StrictReader.absent(node) && !node.isNull()) {
            r.dict(node, loc.child(field));
        }
    }

    private static Double timeout(final JsonNode node, final Loc loc, final StrictReader r) {
        if (StrictReader.absent(node) || node.isNull()) {
            return null;
        }
        final Double v = r.finiteNumber(node, loc);
        if (v != null && v <= 0.0) {
            r.error("greater_than", loc, "Input should be greater than 0", node);
            return null;
        }
        return v;
    }

    private static void keepAlive(final JsonNode node, final Loc loc, final StrictReader r) {
        if (StrictReader.absent(node) || node.isNull() || node.isTextual() || node.isNumber()) {
            return;
        }
        r.error("string_type", loc, "Input should be a valid string", node);
    }

    private static boolean stream(final JsonNode node, final Loc loc, final StrictReader r) {
        if (StrictReader.absent(node)) {
            return true;
        }
        final Boolean v = r.bool(node, loc);
        return v == null || v;
    }

    private static Set<String> union(final Set<String> base, final String extra) {
        final Set<String> all = new HashSet<>(base);
        all.add(extra);
        return Set.copyOf(all);
    }
}
