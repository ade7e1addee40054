package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mock model reproduces tollama's mock exactly, for one and many series. */
class MockForecastTest {

    @RegisterExtension
    static final LocalForecasterExtension SERVER = new LocalForecasterExtension();

    @Test
    void mockRepeatsTheLastValueForEveryStepAndEveryQuantile() {
        final HttpResponse<String> response =
                SERVER.http().post("/v1/forecast", ForecasterHttp.mockRequest(3, "[0.1,0.5,0.9]", -0.41, -0.37, -0.2));

        assertThat(response.statusCode()).isEqualTo(200);
        final JsonNode body = ForecasterHttp.json(response);
        assertThat(body.path("model").asText()).isEqualTo("mock");
        final JsonNode forecast = body.path("forecasts").get(0);
        assertThat(forecast.path("id").asText()).isEqualTo("s1");
        assertThat(forecast.path("freq").asText()).isEqualTo("5min");
        assertThat(forecast.path("start_timestamp").asText()).isEqualTo("2026-02-20T11:10:00Z");
        assertThat(forecast.path("mean").toString()).isEqualTo("[-0.2,-0.2,-0.2]");
        assertThat(fieldNames(forecast.path("quantiles"))).containsExactly("0.1", "0.5", "0.9");
        forecast.path("quantiles").forEach(path -> assertThat(path.toString()).isEqualTo("[-0.2,-0.2,-0.2]"));
    }

    @Test
    void mockUsageNamesTheMockRunnerWithSeriesCountAndHorizon() {
        final JsonNode body =
                ForecasterHttp.json(SERVER.http().post("/v1/forecast", ForecasterHttp.mockRequest(4, null, 1.0, 2.0)));

        assertThat(body.path("usage").path("runner").asText()).isEqualTo("tollama-mock");
        assertThat(body.path("usage").path("series_count").asInt()).isEqualTo(1);
        assertThat(body.path("usage").path("horizon").asInt()).isEqualTo(4);
        assertThat(body.path("warnings").isNull()).isTrue();
        assertThat(fieldNames(body.path("timing"))).containsExactly("model_load_ms", "inference_ms", "total_ms");
    }

    @Test
    void quantilesAreOmittedWhenNoneAreRequested() {
        final JsonNode forecast = ForecasterHttp.json(
                        SERVER.http().post("/v1/forecast", ForecasterHttp.mockRequest(2, null, 5.0, 6.0)))
                .path("forecasts")
                .get(0);

        assertThat(forecast.has("quantiles")).isFalse();
        assertThat(forecast.path("mean").toString()).isEqualTo("[6.0,6.0]");
    }

    @Test
    void quantileKeysArePythonGeneralFormat() {
        final JsonNode forecast = ForecasterHttp.json(SERVER.http()
                        .post("/v1/forecast", ForecasterHttp.mockRequest(1, "[0.00001,0.05,0.5,0.95]", 7.0)))
                .path("forecasts")
                .get(0);

        assertThat(fieldNames(forecast.path("quantiles"))).containsExactly("1e-05", "0.05", "0.5", "0.95");
    }

    @Test
    void integerTargetsAreAccepted() {
        final String body = "{\"model\":\"mock\",\"horizon\":2,\"series\":[{\"id\":\"a\",\"freq\":\"5min\","
                + "\"timestamps\":[\"2026-02-20T11:00:00Z\",\"2026-02-20T11:05:00Z\"],\"target\":[1,3]}]}";

        final JsonNode forecast = ForecasterHttp.json(SERVER.http().post("/v1/forecast", body))
                .path("forecasts")
                .get(0);

        assertThat(forecast.path("mean").toString()).isEqualTo("[3.0,3.0]");
    }

    @Test
    void manySeriesInOneRequestAnswerOneForecastEachInInputOrder() {
        final StringBuilder series = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            if (i > 0) {
                series.append(',');
            }
            series.append("{\"id\":\"m-")
                    .append(49 - i)
                    .append("\",\"freq\":\"5min\",")
                    .append("\"timestamps\":[\"2026-02-20T11:00:00Z\",\"2026-02-20T11:05:00Z\"],")
                    .append("\"target\":[0.0,")
                    .append(i)
                    .append("]}");
        }
        final String body = "{\"model\":\"mock\",\"horizon\":2,\"quantiles\":[0.1,0.9],\"series\":[" + series + "]}";

        final JsonNode response = ForecasterHttp.json(SERVER.http().post("/v1/forecast", body));

        final JsonNode forecasts = response.path("forecasts");
        assertThat(forecasts).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(forecasts.get(i).path("id").asText()).isEqualTo("m-" + (49 - i));
            assertThat(forecasts.get(i).path("mean").get(1).asDouble()).isEqualTo(i);
        }
        assertThat(response.path("usage").path("series_count").asInt()).isEqualTo(50);
    }

    @Test
    void covariatesOfTheRightShapeAreAcceptedAndIgnoredByTheMock() {
        final String body = "{\"model\":\"mock\",\"horizon\":2,\"series\":[{\"id\":\"a\",\"freq\":\"5min\","
                + "\"timestamps\":[\"2026-02-20T11:00:00Z\",\"2026-02-20T11:05:00Z\"],\"target\":[1.0,2.0],"
                + "\"past_covariates\":{\"volume\":[10,20],\"phase\":[\"open\",\"open\"]},"
                + "\"future_covariates\":{\"volume\":[30,40]},\"static_covariates\":{\"bucket\":\"high\"}}],"
                + "\"options\":{},\"timeout\":5.0,\"keep_alive\":\"5m\"}";

        final HttpResponse<String> response = SERVER.http().post("/v1/forecast", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ForecasterHttp.json(response)
                        .path("forecasts")
                        .get(0)
                        .path("mean")
                        .toString())
                .isEqualTo("[2.0,2.0]");
    }

    private static List<String> fieldNames(final JsonNode node) {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
