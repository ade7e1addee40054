package io.tsfm.streams.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsfm.streams.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the seed's metrics file (the seed canary runbook, section 6): per-metric arrays aligned by window.
 * <pre>
 * {"window_minutes": 5,
 *  "metrics": {"p95_latency_ms": [..], "error_rate": [..], "fallback_rate": [..],
 *              "breaker_open_rate": [..], "invalid_output_rate": [..]}}
 * </pre>
 * {@code window_minutes} is optional (default 5) and must be a whole number &gt; 0. The five arrays are
 * required, of equal non-zero length, with finite numbers &gt;= 0. Other keys are ignored, as in the seed.
 * Stricter than the seed: no strings, booleans, nulls, negative or non-integral window lengths,
 * duplicate keys or trailing content.
 */
public final class MetricsFile {

    public static final int DEFAULT_WINDOW_MINUTES = 5;

    public static final List<String> REQUIRED_METRICS =
            List.of("p95_latency_ms", "error_rate", "fallback_rate", "breaker_open_rate", "invalid_output_rate");

    private static final ObjectMapper STRICT = Json.strictFiles();

    private MetricsFile() {}

    public static MetricsInput read(final Path path) {
        final String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new InvalidMetricsException("cannot read " + path + ": " + describe(e), e);
        }
        try {
            return parse(text);
        } catch (final InvalidMetricsException e) {
            throw new InvalidMetricsException(path + ": " + e.getMessage(), e);
        }
    }

    public static MetricsInput parse(final String text) {
        final JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (final JsonProcessingException e) {
            throw new InvalidMetricsException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMetricsException("the top level must be a JSON object with \"metrics\"");
        }
        final int windowMinutes = windowMinutes(root.get("window_minutes"));

        final JsonNode metrics = root.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            throw new InvalidMetricsException("\"metrics\" must be an object with the arrays " + REQUIRED_METRICS);
        }
        final List<String> missing =
                REQUIRED_METRICS.stream().filter(k -> !metrics.has(k)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidMetricsException("missing metrics keys: " + missing);
        }
        final Map<String, double[]> columns = new LinkedHashMap<>();
        for (final String key : REQUIRED_METRICS) {
            columns.put(key, column(key, metrics.get(key)));
        }
        final Map<String, Integer> lengths = new LinkedHashMap<>();
        columns.forEach((key, values) -> lengths.put(key, values.length));
        if (lengths.values().stream().distinct().count() != 1) {
            throw new InvalidMetricsException("metrics length mismatch: " + lengths);
        }
        final int n = columns.get("p95_latency_ms").length;
        if (n == 0) {
            throw new InvalidMetricsException("empty metric windows");
        }
        final List<Window> windows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            windows.add(new Window(
                    columns.get("p95_latency_ms")[i],
                    columns.get("error_rate")[i],
                    columns.get("fallback_rate")[i],
                    columns.get("breaker_open_rate")[i],
                    columns.get("invalid_output_rate")[i]));
        }
        return new MetricsInput(windowMinutes, windows);
    }

    private static int windowMinutes(final JsonNode node) {
        if (node == null) {
            return DEFAULT_WINDOW_MINUTES;
        }
        if (!node.isNumber() || !isWhole(node)) {
            throw new InvalidMetricsException("window_minutes must be a whole number > 0, got " + node);
        }
        final double value = node.doubleValue();
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new InvalidMetricsException("window_minutes must be a whole number > 0, got " + node);
        }
        return (int) value;
    }

    private static boolean isWhole(final JsonNode node) {
        if (node.isIntegralNumber()) {
            return true;
        }
        final double value = node.doubleValue();
        return Double.isFinite(value) && value == Math.rint(value);
    }

    private static double[] column(final String key, final JsonNode node) {
        if (!node.isArray()) {
            throw new InvalidMetricsException("metrics." + key + " must be an array of numbers, got " + node);
        }
        final double[] values = new double[node.size()];
        for (int i = 0; i < node.size(); i++) {
            final JsonNode item = node.get(i);
            final String where = "metrics." + key + "[" + i + "]";
            if (!item.isNumber()) {
                throw new InvalidMetricsException(where + " must be a number, got " + item);
            }
            final double value = item.doubleValue();
            if (!Double.isFinite(value)) {
                throw new InvalidMetricsException(where + " must be finite, got " + item);
            }
            if (value < 0.0) {
                throw new InvalidMetricsException(where + " must be >= 0, got " + item);
            }
            values[i] = value;
        }
        return values;
    }

    private static String describe(final IOException e) {
        final String kind = e.getClass().getSimpleName();
        return switch (kind) {
            case "NoSuchFileException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            default -> e.getMessage() == null ? kind : kind + " " + e.getMessage();
        };
    }
}
