package io.tsfm.streams.ops.api;

import static io.tsfm.streams.ops.api.RequestJson.absent;
import static io.tsfm.streams.ops.api.RequestJson.excerpt;
import static io.tsfm.streams.ops.api.RequestJson.invalid;
import static io.tsfm.streams.ops.api.RequestJson.present;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsfm.streams.json.Json;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates the body of {@code POST /tsfm/forecast} with the seed runner's field names and
 * input-error messages. Pure: no clock, no settings except the freq a request without one gets.
 *
 * <p>Every failure is an {@link InvalidRequestException} whose message is the 400's {@code detail}:
 * {@code too_few_points: ...} for fewer than 2 values of y (the seed's schema minimum; 2..31 values are
 * answered by the baseline with fallback reason {@code too_few_points} instead),
 * {@code malformed input: y[3] is non-finite}, {@code malformed input: Unsupported freq: x},
 * {@code y_ts length must match y}, {@code malformed input: y_ts must be strictly increasing},
 * {@code malformed input: y_ts spacing must align with freq}, and the same style for the other fields.
 *
 * <p>{@code x_past} and {@code x_future} are accepted and not used (the product's model calls carry no
 * covariates); {@code model.params} is accepted and not used.
 */
public final class OnDemandRequestParser {
    public static final int MIN_POINTS = 2;
    public static final int MAX_POINTS = 20_000;
    public static final int MAX_HORIZON = 1000;
    public static final int MAX_QUANTILES = 99;
    /** As the stream's tick validation. */
    public static final int MAX_MARKET_ID_LENGTH = 256;

    private static final Pattern FREQ = Pattern.compile("([1-9][0-9]{0,5})([mh])");

    private static final ObjectMapper READER = Json.requestsWithNonFinite();

    private final String defaultFreq;

    /** @param defaultFreq the freq of a request that sends none (the instance's {@code freq} setting) */
    public OnDemandRequestParser(final String defaultFreq) {
        this.defaultFreq = Objects.requireNonNull(defaultFreq, "defaultFreq");
        stepMs(defaultFreq);
    }

    public OnDemandRequest parse(final byte[] body) {
        final JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (final JacksonException e) {
            throw invalid("request body is not valid JSON");
        } catch (final java.io.IOException e) {
            throw invalid("request body cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw invalid("request body must be a JSON object");
        }
        final String marketId = marketId(root.get("market_id"));
        final long asOfMs = RequestTimestamps.timestamp(root.get("as_of_ts"), "as_of_ts");
        final JsonNode freqNode = root.get("freq");
        final String freq = absent(freqNode) ? defaultFreq : freqNode.asText();
        final long stepMs = stepMs(freq);
        final Integer horizon = horizon(root.get("horizon_steps"));
        final double[] quantiles = quantiles(root.get("quantiles"));
        final double[] y = values(root.get("y"));
        final long[] yTs = RequestTimestamps.yTs(root.get("y_ts"), y.length, stepMs);
        final JsonNode transform = root.get("transform");
        String space = null;
        Double eps = null;
        if (!absent(transform)) {
            if (!transform.isObject()) {
                throw invalid("transform must be an object");
            }
            space = transformSpace(transform.get("space"));
            eps = transformEps(transform.get("eps"));
        }
        final JsonNode model = root.get("model");
        String provider = null;
        String modelName = null;
        String modelVersion = null;
        if (!absent(model)) {
            if (!model.isObject()) {
                throw invalid("model must be an object");
            }
            provider = optionalText(model.get("provider"), "model.provider");
            if (provider != null && !"tollama".equals(provider.trim().toLowerCase(Locale.ROOT))) {
                throw invalid("Unsupported model provider: " + excerpt(provider));
            }
            modelName = optionalText(model.get("model_name"), "model.model_name");
            modelVersion = optionalText(model.get("model_version"), "model.model_version");
            final JsonNode params = model.get("params");
            if (!absent(params) && !params.isObject()) {
                throw invalid("model.params must be an object");
            }
        }
        final String bucket = optionalText(root.get("liquidity_bucket"), "liquidity_bucket");
        final boolean covariates = present(root.get("x_past")) || present(root.get("x_future"));
        return new OnDemandRequest(
                marketId,
                asOfMs,
                freq,
                stepMs,
                horizon,
                quantiles,
                y,
                yTs,
                space,
                eps,
                provider,
                modelName,
                modelVersion,
                bucket == null || bucket.isBlank() ? null : bucket.trim().toLowerCase(Locale.ROOT),
                covariates);
    }

    private static String marketId(final JsonNode node) {
        if (absent(node)) {
            throw invalid("market_id is required");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw invalid("market_id must be a non-empty string");
        }
        if (node.asText().length() > MAX_MARKET_ID_LENGTH) {
            throw invalid("market_id is longer than " + MAX_MARKET_ID_LENGTH + " characters");
        }
        return node.asText();
    }

    /** {@code <n>m} or {@code <n>h}, n >= 1, as the seed parses freq. */
    static long stepMs(final String freq) {
        final Matcher m = FREQ.matcher(freq == null ? "" : freq.trim());
        if (!m.matches()) {
            throw invalid("Unsupported freq: " + excerpt(freq));
        }
        final long n = Long.parseLong(m.group(1));
        return "m".equals(m.group(2)) ? n * 60_000L : n * 3_600_000L;
    }

    private static Integer horizon(final JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber()
                || !node.canConvertToExactIntegral()
                || !node.canConvertToInt()
                || node.asInt() < 1
                || node.asInt() > MAX_HORIZON) {
            throw invalid("horizon_steps must be an integer in [1, " + MAX_HORIZON + "]");
        }
        return node.asInt();
    }

    private static double[] quantiles(final JsonNode node) {
        if (absent(node)) {
            return null;
        }
        final String rule =
                "quantiles must be a list of 1 to " + MAX_QUANTILES + " numbers strictly ascending in (0, 1)";
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_QUANTILES) {
            throw invalid(rule);
        }
        final double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            final JsonNode q = node.get(i);
            if (!q.isNumber()
                    || !(q.asDouble() > 0.0 && q.asDouble() < 1.0)
                    || (i > 0 && !(q.asDouble() > out[i - 1]))) {
                throw invalid(rule);
            }
            out[i] = q.asDouble();
        }
        return out;
    }

    private static double[] values(final JsonNode node) {
        if (absent(node)) {
            throw invalid("y is required");
        }
        if (!node.isArray()) {
            throw invalid("y must be a list of numbers");
        }
        if (node.size() < MIN_POINTS) {
            throw new InvalidRequestException("too_few_points: y has " + node.size()
                    + (node.size() == 1 ? " value" : " values") + "; at least " + MIN_POINTS + " are required");
        }
        if (node.size() > MAX_POINTS) {
            throw invalid("y has " + node.size() + " values; at most " + MAX_POINTS + " are allowed");
        }
        final double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            final JsonNode v = node.get(i);
            if (v.isNull()) {
                throw invalid("y[" + i + "] is non-finite");
            }
            if (!v.isNumber()) {
                throw invalid("y[" + i + "] is not a number");
            }
            final double d = v.asDouble();
            if (!Double.isFinite(d)) {
                throw invalid("y[" + i + "] is non-finite");
            }
            if (d < 0.0 || d > 1.0) {
                throw invalid("y[" + i + "] is outside [0, 1]");
            }
            out[i] = d;
        }
        return out;
    }

    private static String transformSpace(final JsonNode node) {
        if (absent(node)) {
            return null;
        }
        final String space = node.asText().trim().toLowerCase(Locale.ROOT);
        if (!node.isTextual() || !("logit".equals(space) || "none".equals(space))) {
            throw invalid("Unsupported transform space: " + excerpt(node.asText()));
        }
        return space;
    }

    private static Double transformEps(final JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber() || !(node.asDouble() > 0.0 && node.asDouble() < 0.5)) {
            throw invalid("transform.eps must be a number in (0, 0.5)");
        }
        return node.asDouble();
    }

    private static String optionalText(final JsonNode node, final String field) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return node.asText();
    }
}
