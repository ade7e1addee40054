package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, version, tags, show, models, pull, request ids and unknown routes. */
class MetadataEndpointsTest {

    @RegisterExtension
    static final LocalForecasterExtension SERVER = new LocalForecasterExtension();

    @Test
    void healthAnswersStatusOk() {
        final HttpResponse<String> response = SERVER.http().get("/v1/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(ForecasterHttp.json(response).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void versionIsTollamasVersion() {
        final HttpResponse<String> response = SERVER.http().get("/api/version");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"version\":\"0.1.0\"}");
    }

    @Test
    void tagsListEveryPreloadedModelWithTollamaDetails() {
        final JsonNode tags = ForecasterHttp.json(SERVER.http().get("/api/tags"));

        assertThat(names(tags.path("models"))).containsExactly("mock", "local-empirical", "local-ets-damped");
        final JsonNode mock = tags.path("models").get(0);
        assertThat(mock.path("model").asText()).isEqualTo("mock");
        assertThat(mock.path("digest").asText()).startsWith("sha256:");
        assertThat(mock.path("size").isIntegralNumber()).isTrue();
        assertThat(mock.path("modified_at").asText()).isNotEmpty();
        assertThat(mock.path("details").path("format").asText()).isEqualTo("tollama");
        assertThat(mock.path("details").path("family").asText()).isEqualTo("mock");
    }

    @Test
    void showDescribesAnInstalledModelWithItsLicense() {
        final HttpResponse<String> response = SERVER.http().post("/api/show", "{\"model\":\"local-ets-damped\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        final JsonNode show = ForecasterHttp.json(response);
        assertThat(show.path("name").asText()).isEqualTo("local-ets-damped");
        assertThat(show.path("family").asText()).isEqualTo("ets");
        assertThat(show.path("license").path("type").asText()).isEqualTo("apache-2.0");
        assertThat(show.path("license").path("needs_acceptance").asBoolean()).isFalse();
        assertThat(show.has("source")).isTrue();
        assertThat(show.has("resolved")).isTrue();
        assertThat(show.has("digest")).isTrue();
        assertThat(show.has("snapshot_path")).isTrue();
        assertThat(show.has("modelfile")).isTrue();
        assertThat(show.has("parameters")).isTrue();
    }

    @Test
    void showOfAnUnknownModelIs404() {
        final HttpResponse<String> response = SERVER.http().post("/api/show", "{\"model\":\"chronos2\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ForecasterHttp.json(response).path("detail").asText())
                .isEqualTo("model 'chronos2' is not installed");
    }

    @Test
    void modelsListAvailableAndInstalledWithLicenseAndSource() {
        final JsonNode models = ForecasterHttp.json(SERVER.http().get("/v1/models"));

        assertThat(names(models.path("available"))).containsExactly("mock", "local-empirical", "local-ets-damped");
        assertThat(names(models.path("installed"))).containsExactly("mock", "local-empirical", "local-ets-damped");
        final JsonNode ets = models.path("available").get(2);
        assertThat(ets.path("family").asText()).isEqualTo("ets");
        assertThat(ets.path("installed").asBoolean()).isTrue();
        assertThat(ets.path("license").path("type").asText()).isEqualTo("apache-2.0");
        assertThat(ets.path("license").path("accepted").asBoolean()).isTrue();
        assertThat(ets.path("source").path("type").asText()).isEqualTo("local");
        assertThat(ets.path("capabilities").isObject()).isTrue();
    }

    @Test
    void pullOfAnInstalledModelSucceedsAgain() {
        final HttpResponse<String> response = SERVER.http().post("/api/pull", "{\"model\":\"mock\",\"stream\":false}");

        assertThat(response.statusCode()).isEqualTo(200);
        final JsonNode pull = ForecasterHttp.json(response);
        assertThat(pull.path("status").asText()).isEqualTo("success");
        assertThat(pull.path("model").asText()).isEqualTo("mock");
        assertThat(pull.path("digest").asText()).startsWith("sha256:");
        assertThat(pull.has("size")).isTrue();
    }

    @Test
    void pullStreamsNdjsonByDefaultEndingInSuccess() {
        final HttpResponse<String> response = SERVER.http().post("/api/pull", "{\"model\":\"mock\"}");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        final String[] lines = response.body().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(ForecasterHttp.json(lines[1]).path("status").asText()).isEqualTo("success");
    }

    @Test
    void pullOfAModelOutsideTheRegistryIs404() {
        final HttpResponse<String> response =
                SERVER.http().post("/api/pull", "{\"model\":\"chronos2\",\"stream\":false}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ForecasterHttp.json(response).path("detail").asText()).contains("chronos2");
    }

    @Test
    void aClientsRequestIdIsEchoed() {
        final HttpResponse<String> response = SERVER.http()
                .send(SERVER.http()
                        .request("/v1/health")
                        .header("X-Request-ID", "req-42")
                        .GET());

        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("req-42");
    }

    @Test
    void aRequestIdIsGeneratedWhenTheClientSendsNone() {
        final HttpResponse<String> first = SERVER.http().get("/api/version");
        final HttpResponse<String> second = SERVER.http().get("/api/version");

        assertThat(first.headers().firstValue("X-Request-ID"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(32));
        assertThat(first.headers().firstValue("X-Request-ID"))
                .isNotEqualTo(second.headers().firstValue("X-Request-ID"));
    }

    @Test
    void errorsCarryTheRequestIdToo() {
        final HttpResponse<String> response = SERVER.http()
                .send(SERVER.http()
                        .request("/v1/forecast")
                        .header("X-Request-ID", "bad-1")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("bad-1");
    }

    @Test
    void anUnknownRouteIs404WithDetail() {
        final HttpResponse<String> response = SERVER.http().get("/v1/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ForecasterHttp.json(response).path("detail").asText()).isEqualTo("Not Found");
    }

    @Test
    void aWrongMethodIs405WithDetail() {
        final HttpResponse<String> response = SERVER.http().get("/v1/forecast");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(ForecasterHttp.json(response).path("detail").asText()).isEqualTo("Method Not Allowed");
    }

    private static List<String> names(final JsonNode array) {
        final List<String> names = new ArrayList<>();
        array.forEach(m -> names.add(m.path("name").asText()));
        return names;
    }
}
