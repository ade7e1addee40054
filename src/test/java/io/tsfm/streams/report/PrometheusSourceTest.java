package io.tsfm.streams.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's Prometheus client against a real HTTP server answering as Prometheus' API does (a stand-in: the
 * answers are Prometheus' documented shapes), so the queries it sends and the figures it reads are checked.
 */
class PrometheusSourceTest {
    private static final Instant FROM = Instant.parse("2026-12-05T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-06T00:00:00Z");

    private HttpServer server;
    private final List<String> queries = new ArrayList<>();
    private volatile String status = "success";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(final HttpExchange exchange) throws IOException {
        final String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        queries.add(exchange.getRequestURI().getPath() + "?" + query);
        final String body;
        if (!"success".equals(status)) {
            body = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}";
        } else if (query.contains("tsfm_slo_errors")) {
            body = vector(Map.of("freshness", "0.002", "validity", "0"));
        } else if (query.contains("error_budget_remaining")) {
            body = vector(Map.of("freshness", "0.75", "validity", "1"));
        } else {
            final String value = query.contains("p50") ? "12" : query.contains("p95") ? "40" : "90";
            body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
                    + "\"values\":[[1796428800,\"" + value + "\"],[1796432400,\"" + value + "\"]]}]}}";
        }
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders("success".equals(status) ? 200 : 400, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String vector(final Map<String, String> bySlo) {
        final StringBuilder out =
                new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
        bySlo.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append("{\"metric\":{\"slo\":\"")
                        .append(e.getKey())
                        .append("\"},\"value\":[1796515200,\"")
                        .append(e.getValue())
                        .append("\"]},"));
        out.setLength(out.length() - 1);
        return out.append("]}}").toString();
    }

    private PrometheusSource source() {
        return new PrometheusSource(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), Duration.ofSeconds(5));
    }

    @Test
    void readsTheErrorRatiosTheBudgetLeftAndTheLatencyPercentiles() throws Exception {
        final PrometheusSource.Figures f = source().figures(FROM, TO, Duration.ofHours(1));

        assertThat(f.errorRatio()).containsExactlyInAnyOrderEntriesOf(Map.of("freshness", 0.002, "validity", 0.0));
        assertThat(f.budgetRemaining()).containsExactlyInAnyOrderEntriesOf(Map.of("freshness", 0.75, "validity", 1.0));
        assertThat(f.latency())
                .containsExactly(
                        new PrometheusSource.LatencyPoint("2026-12-05T00:00:00Z", 12, 40, 90),
                        new PrometheusSource.LatencyPoint("2026-12-05T01:00:00Z", 12, 40, 90));
        assertThat(queries)
                .startsWith(
                        "/api/v1/query?query=avg by (slo) (avg_over_time(rollout_stage:tsfm_slo_errors:ratio_rate5m"
                                + "[86400s]))&time=1796515200",
                        "/api/v1/query?query=min by (slo) (rollout_stage:tsfm_slo_error_budget_remaining:ratio)"
                                + "&time=1796515200")
                .contains("/api/v1/query_range?query=max(rollout_stage:tsfm_request_duration_ms:p95_5m)"
                        + "&start=1796428800&end=1796515200&step=3600");
    }

    @Test
    void saysWhatPrometheusAnsweredWhenItRefusesAQuery() {
        status = "error";
        assertThatThrownBy(() -> source().figures(FROM, TO, Duration.ofHours(1)))
                .isInstanceOf(PrometheusSource.Unavailable.class)
                .hasMessage("Prometheus answered 400: parse error");
    }
}
