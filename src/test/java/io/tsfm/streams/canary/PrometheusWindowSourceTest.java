package io.tsfm.streams.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.rollout.Stage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Windows from Prometheus' query_range, against a local fake server. */
class PrometheusWindowSourceTest {

    /** 12:00:00.750 UTC; the range ends at the whole second 12:00:00. */
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.750Z");

    private static final long END = Instant.parse("2026-03-01T12:00:00Z").getEpochSecond();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static MetricsInput fetch(final String url, final String since, final Optional<String> stage) {
        return new PrometheusWindowSource(url, TIMEOUT, CLOCK)
                .fetch(PrometheusWindowSource.parseDuration(since), 5, stage);
    }

    /** Canned answers for 15 minutes of 5-minute windows: evaluation times END-600, END-300, END. */
    private static FakePrometheus.Response canned(final FakePrometheus.Request request) {
        final String query = request.query();
        final long start = END - 600;
        if (query.startsWith("histogram_quantile")) {
            return FakePrometheus.series(start, 300, "250", "410.5", "NaN");
        }
        if (query.contains("status!=")) {
            return FakePrometheus.series(start, 300, "0.001", "0.03", "0.002");
        }
        if (query.contains("circuit_breaker_open")) {
            return FakePrometheus.series(start, 300, "0.1", "0.2", "0.3");
        }
        if (query.contains("tsfm_fallback_total")) {
            return FakePrometheus.series(start, 300, "0.05", "0.06", "0.07");
        }
        return FakePrometheus.series(start, 300, "0", "0", "0.01");
    }

    @Test
    void fiveRangeQueriesWithStepEqualToTheWindowBuildTheWindowsOldestFirst() throws Exception {
        try (FakePrometheus prometheus = FakePrometheus.start(PrometheusWindowSourceTest::canned)) {
            final MetricsInput input = fetch(prometheus.url(), "15m", Optional.empty());

            assertThat(input.windowMinutes()).isEqualTo(5);
            assertThat(input.windows())
                    .containsExactly(
                            new Window(250.0, 0.001, 0.05, 0.1, 0.0),
                            new Window(410.5, 0.03, 0.06, 0.2, 0.0),
                            new Window(0.0, 0.002, 0.07, 0.3, 0.01));
            final List<FakePrometheus.Request> requests = prometheus.requests();
            assertThat(requests)
                    .extracting(FakePrometheus.Request::query)
                    .containsExactly(
                            "histogram_quantile(0.95, sum(rate(tsfm_request_duration_seconds_bucket{client!=\"shadow\"}[5m])) by (le)) * 1000",
                            "sum(rate(tsfm_request_total{client!=\"shadow\",status!=\"ok\"}[5m])) / sum(rate(tsfm_request_total{client!=\"shadow\"}[5m]))",
                            "sum(rate(tsfm_fallback_total[5m])) / sum(rate(tsfm_forecasts_total[5m]))",
                            "sum(rate(tsfm_fallback_total{reason=\"circuit_breaker_open\"}[5m]))"
                                    + " / sum(rate(tsfm_forecasts_total[5m]))",
                            "sum(rate(tsfm_invalid_output_total[5m])) / sum(rate(tsfm_forecasts_total[5m]))");
            for (final FakePrometheus.Request request : requests) {
                assertThat(request.method()).isEqualTo("GET");
                assertThat(request.path()).isEqualTo("/api/v1/query_range");
                assertThat(request.start()).isEqualTo(END - 600);
                assertThat(request.end()).isEqualTo(END);
                assertThat(request.step()).isEqualTo(300);
            }
        }
    }

    @Test
    void theRolloutStageFilterReachesEveryQuery() throws Exception {
        try (FakePrometheus prometheus = FakePrometheus.start(PrometheusWindowSourceTest::canned)) {
            fetch(prometheus.url(), "15m", Optional.of("canary_25"));

            assertThat(prometheus.requests())
                    .hasSize(5)
                    .allSatisfy(request -> assertThat(request.query()).contains("rollout_stage=\"canary_25\""));
            assertThat(prometheus.requests().get(1).query())
                    .isEqualTo(
                            "sum(rate(tsfm_request_total{client!=\"shadow\",status!=\"ok\",rollout_stage=\"canary_25\"}[5m]))"
                                    + " / sum(rate(tsfm_request_total{client!=\"shadow\",rollout_stage=\"canary_25\"}[5m]))");
        }
    }

    @Test
    void noSeriesMissingPointsAndNanCountAsZero() throws Exception {
        try (FakePrometheus prometheus =
                FakePrometheus.start(request -> request.query().startsWith("histogram")
                        ? FakePrometheus.series(END, 300, "120")
                        : request.query().contains("status!=")
                                ? FakePrometheus.series(END - 600, 300, "NaN", "NaN", "NaN")
                                : FakePrometheus.noSeries())) {
            final MetricsInput input = fetch(prometheus.url(), "15m", Optional.empty());

            assertThat(input.windows())
                    .containsExactly(
                            new Window(0.0, 0.0, 0.0, 0.0, 0.0),
                            new Window(0.0, 0.0, 0.0, 0.0, 0.0),
                            new Window(120.0, 0.0, 0.0, 0.0, 0.0));
        }
    }

    @Test
    void anInfiniteP95IsKeptSoItExceedsEveryLimit() throws Exception {
        try (FakePrometheus prometheus =
                FakePrometheus.start(request -> request.query().startsWith("histogram")
                        ? FakePrometheus.series(END - 300, 300, "+Inf", "+Inf")
                        : FakePrometheus.noSeries())) {
            final MetricsInput input = fetch(prometheus.url(), "10m", Optional.empty());

            assertThat(input.windows())
                    .extracting(Window::p95LatencyMs)
                    .containsExactly(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
            assertThat(CanaryGate.evaluate(input.windows(), 5, Stage.CANARY_5).rollbackReasons())
                    .containsExactly("p95>400ms_for_2x5m");
        }
    }

    @Test
    void pointsAtTimesThatWereNotAskedForAreIgnored() throws Exception {
        try (FakePrometheus prometheus =
                FakePrometheus.start(request -> request.query().startsWith("histogram")
                        ? FakePrometheus.series(END - 450, 150, "999", "200", "999", "210", "999")
                        : FakePrometheus.noSeries())) {
            final MetricsInput input = fetch(prometheus.url(), "10m", Optional.empty());

            assertThat(input.windows()).extracting(Window::p95LatencyMs).containsExactly(200.0, 210.0);
        }
    }

    @Test
    void aBaseUrlWithAPathPrefixAndATrailingSlashIsHonoured() throws Exception {
        try (FakePrometheus prometheus = FakePrometheus.start(request -> FakePrometheus.noSeries())) {
            fetch(prometheus.url() + "/prometheus/", "5m", Optional.empty());

            assertThat(prometheus.requests())
                    .extracting(FakePrometheus.Request::path)
                    .containsOnly("/prometheus/api/v1/query_range");
        }
    }

    @Test
    void anErrorAnswerIsUnusableInputWithPrometheusMessage() throws Exception {
        try (FakePrometheus prometheus = FakePrometheus.start(request -> new FakePrometheus.Response(
                400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:12: parse error\"}"))) {
            assertThatThrownBy(() -> fetch(prometheus.url(), "15m", Optional.empty()))
                    .isInstanceOf(InvalidMetricsException.class)
                    .hasMessageStartingWith("Prometheus answered HTTP 400 for p95_latency_ms (histogram_quantile(")
                    .hasMessageEndingWith("): bad_data: 1:12: parse error");
        }
    }

    @Test
    void aServerErrorMeansPrometheusIsUnavailable() throws Exception {
        try (FakePrometheus prometheus = FakePrometheus.start(request -> new FakePrometheus.Response(
                503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}"))) {
            assertThatThrownBy(() -> fetch(prometheus.url(), "15m", Optional.empty()))
                    .isInstanceOf(PrometheusUnavailableException.class)
                    .hasMessageContaining("HTTP 503")
                    .hasMessageEndingWith("timeout: query timed out");
        }
    }

    @Test
    void anUnreachableServerMeansPrometheusIsUnavailable() throws Exception {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> fetch("http://127.0.0.1:" + closedPort, "15m", Optional.empty()))
                .isInstanceOf(PrometheusUnavailableException.class)
                .hasMessageStartingWith("cannot reach Prometheus at http://127.0.0.1:" + closedPort);
    }

    @Test
    void answersThatAreNotASingleMatrixSeriesAreUnusable() throws Exception {
        final String twoSeries = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"rollout_stage\":\"canary_5\"},\"values\":[]},"
                + "{\"metric\":{\"rollout_stage\":\"full_100\"},\"values\":[]}]}}";
        try (FakePrometheus prometheus = FakePrometheus.start(request -> new FakePrometheus.Response(200, twoSeries))) {
            assertThatThrownBy(() -> fetch(prometheus.url(), "15m", Optional.empty()))
                    .isInstanceOf(InvalidMetricsException.class)
                    .hasMessage("Prometheus answer for p95_latency_ms has 2 series, expected at most 1");
        }
        try (FakePrometheus prometheus = FakePrometheus.start(request -> new FakePrometheus.Response(200, "<html>"))) {
            assertThatThrownBy(() -> fetch(prometheus.url(), "15m", Optional.empty()))
                    .isInstanceOf(InvalidMetricsException.class)
                    .hasMessageStartingWith("Prometheus answered HTTP 200 for p95_latency_ms");
        }
        try (FakePrometheus prometheus =
                FakePrometheus.start(request -> FakePrometheus.series(END - 600, 300, "1", "-0.5", "1"))) {
            assertThatThrownBy(() -> fetch(prometheus.url(), "15m", Optional.empty()))
                    .isInstanceOf(InvalidMetricsException.class)
                    .hasMessageStartingWith("Prometheus answer for p95_latency_ms has a negative value -0.5");
        }
    }

    @Test
    void durationsAreAWholeNumberAndOneUnit() {
        assertThat(PrometheusWindowSource.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(PrometheusWindowSource.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(PrometheusWindowSource.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        for (final String bad : new String[] {"", "30", "0m", "-5m", "1h30m", "1.5h", "30s", "m"}) {
            assertThatThrownBy(() -> PrometheusWindowSource.parseDuration(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + bad + "' is not a duration like 30m, 2h or 1d");
        }
    }

    @Test
    void sinceMustBeAWholeNumberOfWindows() {
        assertThat(PrometheusWindowSource.windowCount(Duration.ofHours(24), 5)).isEqualTo(288);
        assertThat(PrometheusWindowSource.windowCount(Duration.ofMinutes(30), 10))
                .isEqualTo(3);
        assertThatThrownBy(() -> PrometheusWindowSource.windowCount(Duration.ofMinutes(32), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--since must be a whole number of 5-minute windows, got 32 min");
    }

    @Test
    void theBaseUrlMustBeHttp() {
        assertThatThrownBy(() -> new PrometheusWindowSource("ftp://prom:9090", TIMEOUT, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--prometheus must be an http(s) URL");
        assertThatThrownBy(() -> new PrometheusWindowSource("prom:9090", TIMEOUT, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--prometheus must be an http(s) URL");
    }
}
