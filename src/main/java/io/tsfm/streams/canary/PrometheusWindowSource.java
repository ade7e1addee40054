package io.tsfm.streams.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsfm.streams.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the gate's windows from a Prometheus server: one {@code /api/v1/query_range} call per metric
 * ({@link PrometheusQueries}), step = window length, ending now. For {@code since} = N windows the
 * evaluation times are {@code now - (N-1)*step, ..., now}; each point is a rate over the window before it,
 * so the N windows cover exactly {@code [now - since, now]}.
 *
 * <p>No traffic: a point that is {@code NaN} (0/0) or absent (no series, gap) counts as 0.
 * {@code +Inf} (p95 above the largest bucket, or a ratio over zero forecasts) is kept and exceeds every
 * limit. {@code -Inf} or a negative value is an unusable answer.
 */
public final class PrometheusWindowSource {

    public static final String QUERY_RANGE_PATH = "/api/v1/query_range";
    /** Prometheus refuses query_range calls with more points than this per series. */
    public static final long MAX_POINTS = 11_000;

    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,6})([mhd])");
    private static final ObjectMapper MAPPER = Json.wire();
    private static final List<String> METRIC_NAMES = MetricsFile.REQUIRED_METRICS;

    private final HttpClient http;
    private final URI baseUri;
    private final Duration timeout;
    private final Clock clock;

    public PrometheusWindowSource(final String baseUrl, final Duration timeout, final Clock clock) {
        this.baseUri = baseUri(baseUrl);
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** {@code 30m}, {@code 2h}, {@code 1d}: a whole number and one unit (m, h or d). */
    public static Duration parseDuration(final String text) {
        final Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 30m, 2h or 1d");
        }
        final long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** Number of windows in {@code since}; it must be a whole, positive number of windows. */
    public static int windowCount(final Duration since, final int windowMinutes) {
        if (windowMinutes <= 0) {
            throw new IllegalArgumentException("the window length must be > 0 minutes, got " + windowMinutes);
        }
        final long sinceMinutes = since.toMinutes();
        if (since.isNegative()
                || since.isZero()
                || sinceMinutes % windowMinutes != 0
                || !since.equals(Duration.ofMinutes(sinceMinutes))) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "--since must be a whole number of %d-minute windows, got %d min",
                    windowMinutes,
                    since.toMinutes()));
        }
        final long count = sinceMinutes / windowMinutes;
        if (count > MAX_POINTS) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "--since covers %d windows; Prometheus allows at most %d points per query",
                    count,
                    MAX_POINTS));
        }
        return (int) count;
    }

    /** Queries the five metrics and returns the windows, oldest first. */
    public MetricsInput fetch(final Duration since, final int windowMinutes, final Optional<String> rolloutStage) {
        final int count = windowCount(since, windowMinutes);
        final long step = windowMinutes * 60L;
        final Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        final long endSeconds = end.getEpochSecond();
        final long startSeconds = endSeconds - (count - 1) * step;

        final List<double[]> columns = new ArrayList<>(PrometheusQueries.ALL.size());
        for (int q = 0; q < PrometheusQueries.ALL.size(); q++) {
            final String name = METRIC_NAMES.get(q);
            final String query = PrometheusQueries.render(PrometheusQueries.ALL.get(q), windowMinutes, rolloutStage);
            final JsonNode result = queryRange(name, query, startSeconds, endSeconds, step);
            columns.add(column(name, result, startSeconds, step, count));
        }
        final List<Window> windows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            windows.add(new Window(
                    columns.get(0)[i], columns.get(1)[i], columns.get(2)[i], columns.get(3)[i], columns.get(4)[i]));
        }
        return new MetricsInput(windowMinutes, windows);
    }

    private JsonNode queryRange(
            final String name, final String query, final long start, final long end, final long step) {
        final String params = "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start=" + start + "&end="
                + end + "&step=" + step;
        final URI uri = URI.create(baseUri + QUERY_RANGE_PATH + "?" + params);
        final HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        final HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new PrometheusUnavailableException(
                    "cannot reach Prometheus at " + baseUri + " (" + name + "): "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusUnavailableException("interrupted while querying Prometheus", e);
        }
        final JsonNode body = parseBody(response.body());
        final int status = response.statusCode();
        if (status < 200
                || status > 299
                || body == null
                || !"success".equals(body.path("status").asText())) {
            final String detail = body == null
                    ? abbreviate(response.body())
                    : body.path("errorType").asText("") + ": "
                            + body.path("error").asText("");
            final String message = String.format(
                    Locale.ROOT, "Prometheus answered HTTP %d for %s (%s): %s", status, name, query, detail);
            if (status >= 500) {
                throw new PrometheusUnavailableException(message, null);
            }
            throw new InvalidMetricsException(message);
        }
        final JsonNode data = body.path("data");
        if (!"matrix".equals(data.path("resultType").asText())
                || !data.path("result").isArray()) {
            throw new InvalidMetricsException(
                    "Prometheus answer for " + name + " is not a matrix: " + abbreviate(data.toString()));
        }
        return data.get("result");
    }

    private static double[] column(
            final String name, final JsonNode result, final long start, final long step, final int count) {
        final double[] values = new double[count]; // absent points: no traffic, 0
        if (result.size() > 1) {
            throw new InvalidMetricsException(String.format(
                    Locale.ROOT, "Prometheus answer for %s has %d series, expected at most 1", name, result.size()));
        }
        if (result.isEmpty()) {
            return values;
        }
        final JsonNode points = result.get(0).path("values");
        if (!points.isArray()) {
            throw new InvalidMetricsException("Prometheus answer for " + name + " has no \"values\" array");
        }
        for (final JsonNode point : points) {
            if (!point.isArray()
                    || point.size() != 2
                    || !point.get(0).isNumber()
                    || !point.get(1).isTextual()) {
                throw new InvalidMetricsException("Prometheus answer for " + name + " has a malformed point: " + point);
            }
            final double ts = point.get(0).doubleValue();
            final long offset = Math.round(ts) - start;
            if (offset < 0 || offset % step != 0 || offset / step >= count || Math.abs(ts - Math.round(ts)) > 1e-3) {
                continue; // not one of the requested evaluation times
            }
            values[(int) (offset / step)] = value(name, point.get(1).asText(), ts);
        }
        return values;
    }

    private static double value(final String name, final String text, final double ts) {
        final double value;
        switch (text) {
            case "NaN" -> {
                return 0.0;
            }
            case "+Inf", "Inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            default -> {
                try {
                    value = Double.parseDouble(text);
                } catch (final NumberFormatException e) {
                    throw new InvalidMetricsException(
                            String.format(
                                    Locale.ROOT,
                                    "Prometheus answer for %s has a non-numeric value '%s' at %s",
                                    name,
                                    text,
                                    ts),
                            e);
                }
            }
        }
        if (Double.isNaN(value)) {
            return 0.0;
        }
        if (value < 0.0) {
            throw new InvalidMetricsException(String.format(
                    Locale.ROOT, "Prometheus answer for %s has a negative value %s at %s", name, text, ts));
        }
        return value;
    }

    private static JsonNode parseBody(final String body) {
        try {
            final JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (final JsonProcessingException e) {
            return null;
        }
    }

    private static URI baseUri(final String baseUrl) {
        final URI uri;
        try {
            uri = new URI(baseUrl == null ? "" : baseUrl.trim());
        } catch (final URISyntaxException e) {
            throw new IllegalArgumentException("--prometheus is not a URL: " + baseUrl);
        }
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "--prometheus must be an http(s) URL of the server, like http://127.0.0.1:9090, got " + baseUrl);
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static String abbreviate(final String text) {
        final String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
