package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A model must be pulled before it can forecast, as with tollama. */
class ModelInstallationTest {

    private LocalForecaster server;
    private ForecasterHttp http;

    @BeforeEach
    void start() {
        server = LocalForecaster.start(LocalForecasterOptions.builder()
                .port(0)
                .preloadedModels(List.of())
                .build());
        http = new ForecasterHttp(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aModelThatWasNotPulledIs404UntilItIsPulled() {
        final String request = ForecasterHttp.mockRequest(2, null, 1.0, 2.0);

        final HttpResponse<String> before = http.post("/v1/forecast", request);
        final HttpResponse<String> pull = http.post("/api/pull", "{\"model\":\"mock\",\"stream\":false}");
        final HttpResponse<String> after = http.post("/v1/forecast", request);

        assertThat(before.statusCode()).isEqualTo(404);
        assertThat(before.body()).isEqualTo("{\"detail\":\"model 'mock' is not installed\"}");
        assertThat(pull.statusCode()).isEqualTo(200);
        assertThat(after.statusCode()).isEqualTo(200);
    }

    @Test
    void nothingIsInstalledWhenNoModelIsPreloaded() {
        assertThat(ForecasterHttp.json(http.get("/api/tags")).path("models")).isEmpty();
        assertThat(ForecasterHttp.json(http.get("/v1/models")).path("installed"))
                .isEmpty();
        assertThat(ForecasterHttp.json(http.get("/v1/models")).path("available"))
                .hasSize(3);
        assertThat(server.installedModels()).isEmpty();
    }

    @Test
    void aPulledModelAppearsInTagsAndShow() {
        http.post("/api/pull", "{\"model\":\"local-ets-damped\",\"stream\":false}");

        assertThat(ForecasterHttp.json(http.get("/api/tags"))
                        .path("models")
                        .get(0)
                        .path("name")
                        .asText())
                .isEqualTo("local-ets-damped");
        assertThat(http.post("/api/show", "{\"model\":\"local-ets-damped\"}").statusCode())
                .isEqualTo(200);
        assertThat(server.installedModels()).containsExactly("local-ets-damped");
    }

    @Test
    void showOfAModelThatWasNotPulledIs404() {
        final HttpResponse<String> response = http.post("/api/show", "{\"model\":\"mock\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"model 'mock' is not installed\"}");
    }

    @Test
    void aPullWithoutAModelIsA400() {
        final HttpResponse<String> response = http.post("/api/pull", "{\"stream\":false}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ForecasterHttp.json(response)
                        .path("detail")
                        .get(0)
                        .path("type")
                        .asText())
                .isEqualTo("missing");
    }
}
