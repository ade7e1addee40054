package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fault kind and the admin endpoints, observed by a real HTTP client. */
class FaultInjectionTest {

    private static final String REQUEST = ForecasterHttp.mockRequest(3, "[0.1,0.5,0.9]", 1.0, 2.0);

    private LocalForecaster server;
    private ForecasterHttp http;

    @BeforeEach
    void start() {
        server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
        http = new ForecasterHttp(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "error_rate 1.0 with status {0} answers {0}")
    @ValueSource(ints = {429, 500, 502, 503})
    void anErrorRateOfOneAnswersTheConfiguredStatus(final int status) {
        server.faults()
                .set(FaultProfile.builder().errorRate(1.0).errorStatus(status).build());

        final HttpResponse<String> response = http.post("/v1/forecast", REQUEST);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(ForecasterHttp.json(response).has("detail")).isTrue();
        assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
    }

    @Test
    void anInjected503CarriesARunnerUnavailableCode() {
        server.faults().set(FaultProfile.preset("down"));

        final HttpResponse<String> response = http.post("/v1/forecast", REQUEST);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(ForecasterHttp.json(response).path("detail").path("code").asText())
                .isEqualTo("RUNNER_UNAVAILABLE");
    }

    @Test
    void anInjected429AsksTheClientToRetryLater() {
        server.faults()
                .set(FaultProfile.builder().errorRate(1.0).errorStatus(429).build());

        final HttpResponse<String> response = http.post("/v1/forecast", REQUEST);

        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void faultsApplyOnlyToTheForecastEndpoints() {
        server.faults().set(FaultProfile.preset("down"));

        assertThat(http.get("/v1/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/tags").statusCode()).isEqualTo(200);
        assertThat(http.post("/api/show", "{\"model\":\"mock\"}").statusCode()).isEqualTo(200);
        assertThat(http.post("/api/forecast", REQUEST).statusCode()).isEqualTo(503);
    }

    @Test
    void invalidRequestsAreRejectedBeforeAnyFaultIsDrawn() {
        server.faults().set(FaultProfile.preset("down"));

        final HttpResponse<String> response = http.post("/v1/forecast", "{\"model\":\"mock\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.stats().forecastRequests()).isZero();
    }

    @Test
    void failFirstNFailsExactlyTheNextNRequestsThenHeals() {
        server.faults()
                .set(FaultProfile.builder().failFirstN(3).errorStatus(502).build());

        final List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(http.post("/v1/forecast", REQUEST).statusCode());
        }

        assertThat(statuses).containsExactly(502, 502, 502, 200, 200);
        assertThat(server.faults().failFirstRemaining()).isZero();
        assertThat(server.stats().faulted()).isEqualTo(3);
    }

    @Test
    void aQuantileShiftMovesEveryValueOfAValidAnswer() {
        server.faults().set(FaultProfile.builder().quantileShift(0.5).build());

        final HttpResponse<String> response = http.post("/v1/forecast", REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        final JsonNode forecast =
                ForecasterHttp.json(response).path("forecasts").get(0);
        assertThat(forecast.path("mean").toString()).isEqualTo("[2.5,2.5,2.5]");
        assertThat(forecast.path("quantiles").path("0.1").toString()).isEqualTo("[2.5,2.5,2.5]");
        assertThat(forecast.path("quantiles").path("0.9").toString()).isEqualTo("[2.5,2.5,2.5]");
        assertThat(server.faults().profile().toString()).isEqualTo("FaultProfile[quantile_shift=0.5]");
    }

    @Test
    void nanGarbageLeavesNullsInEveryPath() {
        server.faults()
                .set(FaultProfile.builder()
                        .garbageRate(1.0)
                        .garbageKind(GarbageKind.NAN)
                        .build());

        final HttpResponse<String> response = http.post("/v1/forecast", REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        final JsonNode forecast =
                ForecasterHttp.json(response).path("forecasts").get(0);
        assertThat(forecast.path("mean").toString()).isEqualTo("[2.0,null,2.0]");
        assertThat(forecast.path("quantiles").path("0.9").toString()).isEqualTo("[2.0,null,2.0]");
    }

    @Test
    void wrongHorizonGarbageShortensEveryPath() {
        server.faults()
                .set(FaultProfile.builder()
                        .garbageRate(1.0)
                        .garbageKind(GarbageKind.WRONG_HORIZON)
                        .build());

        final JsonNode forecast = ForecasterHttp.json(http.post("/v1/forecast", REQUEST))
                .path("forecasts")
                .get(0);

        assertThat(forecast.path("mean")).hasSize(2);
        assertThat(forecast.path("quantiles").path("0.1")).hasSize(2);
    }

    @Test
    void missingQuantileGarbageDropsTheHighestLevel() {
        server.faults()
                .set(FaultProfile.builder()
                        .garbageRate(1.0)
                        .garbageKind(GarbageKind.MISSING_QUANTILE)
                        .build());

        final JsonNode quantiles = ForecasterHttp.json(http.post("/v1/forecast", REQUEST))
                .path("forecasts")
                .get(0)
                .path("quantiles");

        assertThat(quantiles.has("0.1")).isTrue();
        assertThat(quantiles.has("0.5")).isTrue();
        assertThat(quantiles.has("0.9")).isFalse();
    }

    @Test
    void brokenJsonGarbageIsA200ThatDoesNotParse() {
        server.faults()
                .set(FaultProfile.builder()
                        .garbageRate(1.0)
                        .garbageKind(GarbageKind.BROKEN_JSON)
                        .build());

        final HttpResponse<String> response = http.post("/v1/forecast", REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> ForecasterHttp.json(response)).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void brokenJsonGarbageBreaksTheLastNdjsonLine() {
        server.faults()
                .set(FaultProfile.builder()
                        .garbageRate(1.0)
                        .garbageKind(GarbageKind.BROKEN_JSON)
                        .build());

        final String[] lines = http.post("/api/forecast", REQUEST).body().split("\n");

        assertThat(lines).hasSize(3);
        assertThat(ForecasterHttp.json(lines[1]).path("status").asText()).isEqualTo("running forecast");
        assertThatThrownBy(() -> ForecasterHttp.json(lines[2])).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aHungRequestTimesOutOnTheClientWhileOtherRoutesStillAnswer() {
        server.faults().set(FaultProfile.preset("hang"));
        final HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final HttpRequest request = http.request("/v1/forecast")
                .timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST))
                .build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(http.get("/v1/health").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> server.stats().faulted() == 1);
    }

    @Test
    void anInjectedLatencyStillEndsInTheNormalAnswer() {
        server.faults()
                .set(FaultProfile.builder()
                        .latencyMs(50)
                        .latencyPerSeriesMs(10)
                        .latencyJitterMs(20)
                        .build());

        final HttpResponse<String> response = http.post("/v1/forecast", REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ForecasterHttp.json(response)
                        .path("forecasts")
                        .get(0)
                        .path("mean")
                        .toString())
                .isEqualTo("[2.0,2.0,2.0]");
        assertThat(server.stats().faulted()).isZero();
    }

    @Test
    void aLatencyBeyondTheRequestTimeoutIsAServerSide503Timeout() {
        server.faults().set(FaultProfile.builder().latencyMs(600_000).build());
        final String request = REQUEST.replaceFirst("\\{", "{\"timeout\":0.05,");

        final HttpResponse<String> response = http.post("/v1/forecast", request);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(ForecasterHttp.json(response).path("detail").path("code").asText())
                .isEqualTo("TIMEOUT");
        assertThat(server.stats().faulted()).isEqualTo(1);
    }

    @Test
    void theAdminEndpointsReadReplaceAndClearTheProfileAtRunTime() {
        final JsonNode initial = ForecasterHttp.json(http.get("/admin/faults"));
        final HttpResponse<String> put = http.put("/admin/faults", "{\"error_rate\":1.0,\"error_status\":429}");
        final int whileFaulty = http.post("/v1/forecast", REQUEST).statusCode();
        final JsonNode current = ForecasterHttp.json(http.get("/admin/faults"));
        final HttpResponse<String> delete = http.delete("/admin/faults");
        final int afterClear = http.post("/v1/forecast", REQUEST).statusCode();

        assertThat(initial.path("error_rate").asDouble()).isZero();
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(whileFaulty).isEqualTo(429);
        assertThat(current.path("error_rate").asDouble()).isEqualTo(1.0);
        assertThat(current.path("error_status").asInt()).isEqualTo(429);
        assertThat(current.path("garbage_kind").asText()).isEqualTo("nan");
        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(afterClear).isEqualTo(200);
        assertThat(server.faults().profile()).isEqualTo(FaultProfile.NONE);
    }

    @Test
    void aPutOfFailFirstNRestartsTheCountdown() {
        http.put("/admin/faults", "{\"fail_first_n\":1}");

        assertThat(http.post("/v1/forecast", REQUEST).statusCode()).isEqualTo(503);
        assertThat(http.post("/v1/forecast", REQUEST).statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidProfileIsRejectedAndTheOldOneKept() {
        server.faults().set(FaultProfile.preset("slow"));

        final HttpResponse<String> outOfRange = http.put("/admin/faults", "{\"error_rate\":2.0}");
        final HttpResponse<String> unknownField = http.put("/admin/faults", "{\"error_ratio\":0.5}");
        final HttpResponse<String> unknownKind = http.put("/admin/faults", "{\"garbage_kind\":\"zeros\"}");

        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(ForecasterHttp.json(outOfRange).path("detail").asText()).contains("error_rate");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(server.faults().profile()).isEqualTo(FaultProfile.preset("slow"));
    }

    @Test
    void statsCountRequestsSeriesAndFaults() {
        final String twoSeries = "{\"model\":\"mock\",\"horizon\":1,\"series\":["
                + "{\"id\":\"a\",\"freq\":\"5min\",\"timestamps\":[\"2026-02-20T11:00:00Z\"],\"target\":[1.0]},"
                + "{\"id\":\"b\",\"freq\":\"5min\",\"timestamps\":[\"2026-02-20T11:00:00Z\"],\"target\":[2.0]}]}";
        http.post("/v1/forecast", twoSeries);
        http.post("/api/forecast", twoSeries);
        server.faults().set(FaultProfile.builder().failFirstN(1).build());
        http.post("/v1/forecast", REQUEST);

        final JsonNode stats = ForecasterHttp.json(http.get("/admin/stats"));

        assertThat(stats.path("forecast_requests").asLong()).isEqualTo(3);
        assertThat(stats.path("series").asLong()).isEqualTo(5);
        assertThat(stats.path("faulted").asLong()).isEqualTo(1);
        assertThat(server.stats().series()).isEqualTo(5);
    }

    @Test
    void theSameSeedGivesTheSameFaultSequence() {
        final FaultProfile flaky = FaultProfile.preset("flaky");

        final List<Integer> first = statuses(flaky, 7L);
        final List<Integer> second = statuses(flaky, 7L);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains(200, 503);
    }

    private static List<Integer> statuses(final FaultProfile profile, final long seed) {
        try (LocalForecaster f = LocalForecaster.start(LocalForecasterOptions.builder()
                .port(0)
                .faultProfile(profile)
                .seed(seed)
                .build())) {
            final ForecasterHttp client = new ForecasterHttp(f.url());
            final List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                statuses.add(client.post("/v1/forecast", REQUEST).statusCode());
            }
            return statuses;
        }
    }
}
