package io.tsfm.streams.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's figures from Prometheus' HTTP API (the SLO recording rules of monitoring/prometheus/rules
 * and the request-latency percentiles), read with the JDK's HTTP client.
 */
public final class PrometheusSource {
    /** The period's figures: error ratio per objective, error budget left at the end, latency over time. */
    public record Figures(
            Map<String, Double> errorRatio, Map<String, Double> budgetRemaining, List<LatencyPoint> latency) {}

    /** Model request latency percentiles (ms) at one instant. */
    public record LatencyPoint(String ts, double p50, double p95, double p99) {}

    /** Thrown when Prometheus cannot be asked or answers an error; the message says which. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    PrometheusSource(final URI base, final Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    Figures figures(final Instant from, final Instant to, final Duration step) throws Unavailable {
        final long range = Math.max(300, Duration.between(from, to).toSeconds());
        final Map<String, Double> errors = bySlo(instant(
                "avg by (slo) (avg_over_time(rollout_stage:tsfm_slo_errors:ratio_rate5m[" + range + "s]))", to));
        final Map<String, Double> budget =
                bySlo(instant("min by (slo) (rollout_stage:tsfm_slo_error_budget_remaining:ratio)", to));
        final List<Double> times = new ArrayList<>();
        final Map<String, Map<Double, Double>> quantiles = new TreeMap<>();
        for (final String q : List.of("p50", "p95", "p99")) {
            final JsonNode result = range("max(rollout_stage:tsfm_request_duration_ms:" + q + "_5m)", from, to, step);
            final Map<Double, Double> points = new TreeMap<>();
            if (result.size() > 0) {
                for (final JsonNode v : result.get(0).path("values")) {
                    points.put(v.get(0).asDouble(), Double.parseDouble(v.get(1).asText()));
                    if (!times.contains(v.get(0).asDouble())) {
                        times.add(v.get(0).asDouble());
                    }
                }
            }
            quantiles.put(q, points);
        }
        final List<LatencyPoint> latency = new ArrayList<>();
        times.stream()
                .sorted()
                .forEach(t -> latency.add(new LatencyPoint(
                        Instant.ofEpochMilli(Math.round(t * 1000)).toString(),
                        quantiles.get("p50").getOrDefault(t, Double.NaN),
                        quantiles.get("p95").getOrDefault(t, Double.NaN),
                        quantiles.get("p99").getOrDefault(t, Double.NaN))));
        return new Figures(errors, budget, latency);
    }

    private static Map<String, Double> bySlo(final JsonNode result) {
        final Map<String, Double> out = new TreeMap<>();
        for (final JsonNode r : result) {
            out.put(
                    r.path("metric").path("slo").asText(),
                    Double.parseDouble(r.get("value").get(1).asText()));
        }
        return out;
    }

    private JsonNode instant(final String query, final Instant at) throws Unavailable {
        return get("/api/v1/query?query=" + enc(query) + "&time=" + at.getEpochSecond());
    }

    private JsonNode range(final String query, final Instant from, final Instant to, final Duration step)
            throws Unavailable {
        return get("/api/v1/query_range?query=" + enc(query) + "&start=" + from.getEpochSecond() + "&end="
                + to.getEpochSecond() + "&step=" + step.toSeconds());
    }

    private JsonNode get(final String pathAndQuery) throws Unavailable {
        final String root = base.toString().replaceAll("/+$", "");
        final URI uri = URI.create(root + pathAndQuery);
        try {
            final HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            final JsonNode body = Json.wire().readTree(response.body());
            if (response.statusCode() != 200
                    || !"success".equals(body.path("status").asText())) {
                throw new Unavailable(
                        "Prometheus answered " + response.statusCode() + ": "
                                + body.path("error").asText(""),
                        null);
            }
            return body.path("data").path("result");
        } catch (final IOException e) {
            throw new Unavailable("cannot read " + root + ": " + e, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted asking " + root, e);
        }
    }

    private static String enc(final String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
