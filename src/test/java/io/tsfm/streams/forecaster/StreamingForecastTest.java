package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** NDJSON framing of /api/forecast and its stream:false form. */
class StreamingForecastTest {

    @RegisterExtension
    static final LocalForecasterExtension SERVER = new LocalForecasterExtension();

    @Test
    void apiForecastStreamsThreeNdjsonLinesByDefault() {
        final HttpResponse<String> response =
                SERVER.http().post("/api/forecast", ForecasterHttp.mockRequest(2, "[0.5]", 1.0, 4.0));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(response.body()).endsWith("\n");
        final String[] lines = response.body().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("{\"status\":\"loading model\"}");
        assertThat(lines[1]).isEqualTo("{\"status\":\"running forecast\"}");
        final JsonNode last = ForecasterHttp.json(lines[2]);
        assertThat(last.path("done").asBoolean()).isTrue();
        assertThat(last.path("response").path("forecasts").get(0).path("mean").toString())
                .isEqualTo("[4.0,4.0]");
        assertThat(last.path("response")
                        .path("forecasts")
                        .get(0)
                        .path("quantiles")
                        .path("0.5")
                        .toString())
                .isEqualTo("[4.0,4.0]");
    }

    @Test
    void apiForecastWithStreamTrueStreamsToo() {
        final String request = ForecasterHttp.mockRequest(1, null, 3.0).replaceFirst("\\{", "{\"stream\":true,");

        final HttpResponse<String> response = SERVER.http().post("/api/forecast", request);

        assertThat(response.body().split("\n")).hasSize(3);
    }

    @Test
    void apiForecastWithStreamFalseAnswersOneJsonObject() {
        final String request = ForecasterHttp.mockRequest(2, null, 1.0, 4.0).replaceFirst("\\{", "{\"stream\":false,");

        final HttpResponse<String> response = SERVER.http().post("/api/forecast", request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        final JsonNode body = ForecasterHttp.json(response);
        assertThat(body.path("model").asText()).isEqualTo("mock");
        assertThat(body.path("forecasts").get(0).path("mean").toString()).isEqualTo("[4.0,4.0]");
    }

    @Test
    void aNonBooleanStreamIsA400() {
        final String request = ForecasterHttp.mockRequest(1, null, 3.0).replaceFirst("\\{", "{\"stream\":\"no\",");

        final HttpResponse<String> response = SERVER.http().post("/api/forecast", request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ForecasterHttp.json(response)
                        .path("detail")
                        .get(0)
                        .path("loc")
                        .toString())
                .isEqualTo("[\"body\",\"stream\"]");
    }

    @Test
    void streamIsRejectedOnV1Forecast() {
        final String request = ForecasterHttp.mockRequest(1, null, 3.0).replaceFirst("\\{", "{\"stream\":false,");

        final HttpResponse<String> response = SERVER.http().post("/v1/forecast", request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ForecasterHttp.json(response)
                        .path("detail")
                        .get(0)
                        .path("type")
                        .asText())
                .isEqualTo("extra_forbidden");
    }
}
