package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** With keys configured, every route demands a bearer token, as tollama does. */
class AuthenticationTest {

    private static LocalForecaster server;

    @BeforeAll
    static void start() {
        server = LocalForecaster.start(LocalForecasterOptions.builder()
                .port(0)
                .apiKeys(List.of("key-one", "key-two"))
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} without a token is 401")
    @CsvSource({
        "GET, /v1/health",
        "GET, /api/version",
        "GET, /api/tags",
        "POST, /api/pull",
        "POST, /api/show",
        "GET, /v1/models",
        "POST, /v1/forecast",
        "POST, /api/forecast",
        "GET, /admin/faults",
        "PUT, /admin/faults",
        "DELETE, /admin/faults",
        "GET, /admin/stats",
        "GET, /no/such/route"
    })
    void everyRouteNeedsABearerToken(final String method, final String path) {
        final ForecasterHttp anonymous = new ForecasterHttp(server.url());

        final HttpResponse<String> response =
                anonymous.send(anonymous.request(path).method(method, HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(ForecasterHttp.json(response).path("detail").asText()).isNotEmpty();
        assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
    }

    @Test
    void aWrongKeyIs401() {
        final ForecasterHttp wrong = new ForecasterHttp(server.url(), "key-three");

        final HttpResponse<String> response = wrong.get("/v1/health");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aNonBearerSchemeIs401() {
        final ForecasterHttp anonymous = new ForecasterHttp(server.url());

        final HttpResponse<String> response = anonymous.send(anonymous
                .request("/v1/health")
                .header("Authorization", "Basic key-one")
                .GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void anyConfiguredKeyIsAccepted() {
        assertThat(new ForecasterHttp(server.url(), "key-one").get("/v1/health").statusCode())
                .isEqualTo(200);
        assertThat(new ForecasterHttp(server.url(), "key-two").get("/v1/health").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAuthenticatedForecastSucceeds() {
        final ForecasterHttp http = new ForecasterHttp(server.url(), "key-two");

        final HttpResponse<String> response = http.post("/v1/forecast", ForecasterHttp.mockRequest(2, null, 1.0, 2.0));

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
