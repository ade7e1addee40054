package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The local-ets-damped model over HTTP: start timestamp, ordered quantiles, usage. */
class EtsForecastTest {

    @RegisterExtension
    static final LocalForecasterExtension SERVER = new LocalForecasterExtension();

    @Test
    void theEtsModelStartsOneFreqStepAfterTheLastTimestamp() {
        final JsonNode forecast = forecast("5min", 3).path("forecasts").get(0);

        assertThat(forecast.path("start_timestamp").asText()).isEqualTo("2026-02-20T12:00:00Z");
        assertThat(forecast.path("freq").asText()).isEqualTo("5min");
        assertThat(forecast.path("mean")).hasSize(3);
    }

    @Test
    void anAutoFreqIsInferredFromRegularTimestamps() {
        final JsonNode forecast = forecast("auto", 1).path("forecasts").get(0);

        assertThat(forecast.path("start_timestamp").asText()).isEqualTo("2026-02-20T12:00:00Z");
    }

    @Test
    void anUnparseableFreqKeepsTheLastTimestamp() {
        final JsonNode forecast = forecast("5m", 1).path("forecasts").get(0);

        assertThat(forecast.path("start_timestamp").asText()).isEqualTo("2026-02-20T11:55:00Z");
    }

    @Test
    void theEtsQuantilePathsAreOrderedAndFinite() {
        final JsonNode q = forecast("5min", 6).path("forecasts").get(0).path("quantiles");

        for (int k = 0; k < 6; k++) {
            assertThat(q.path("0.1").get(k).isNumber()).isTrue();
            assertThat(q.path("0.1").get(k).asDouble())
                    .isLessThanOrEqualTo(q.path("0.5").get(k).asDouble());
            assertThat(q.path("0.5").get(k).asDouble())
                    .isLessThanOrEqualTo(q.path("0.9").get(k).asDouble());
        }
    }

    @Test
    void theEtsUsageNamesItsOwnRunner() {
        final JsonNode usage = forecast("5min", 2).path("usage");

        assertThat(usage.path("runner").asText()).isEqualTo("tsfm-local-ets");
        assertThat(usage.path("series_count").asInt()).isEqualTo(1);
        assertThat(usage.path("horizon").asInt()).isEqualTo(2);
    }

    private static JsonNode forecast(final String freq, final int horizon) {
        final double[] logits = {-0.41, -0.37, -0.35, -0.3, -0.32, -0.28, -0.25, -0.27, -0.22, -0.2, -0.18, -0.19};
        final String body = ForecasterHttp.mockRequest(horizon, "[0.1,0.5,0.9]", logits)
                .replace("\"model\":\"mock\"", "\"model\":\"local-ets-damped\"")
                .replace("\"freq\":\"5min\"", "\"freq\":\"" + freq + "\"");
        final HttpResponse<String> response = SERVER.http().post("/v1/forecast", body);
        assertThat(response.statusCode()).isEqualTo(200);
        return ForecasterHttp.json(response);
    }
}
