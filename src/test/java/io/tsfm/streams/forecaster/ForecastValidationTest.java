package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strict, pydantic-style 400 answers for every malformed forecast request. */
class ForecastValidationTest {

    private static final String TS2 = "\"timestamps\":[\"2026-02-20T11:00:00Z\",\"2026-02-20T11:05:00Z\"]";
    private static final String SERIES = "{\"id\":\"a\",\"freq\":\"5min\"," + TS2 + ",\"target\":[1.0,2.0]}";

    @RegisterExtension
    static final LocalForecasterExtension SERVER = new LocalForecasterExtension();

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of(
                        "an unknown top-level field",
                        request("12", null, SERIES, ",\"colour\":\"red\""),
                        "extra_forbidden",
                        "[\"body\",\"colour\"]"),
                Arguments.of(
                        "an unknown series field",
                        request(
                                "12",
                                null,
                                "{\"id\":\"a\",\"freq\":\"5min\"," + TS2 + ",\"target\":[1.0,2.0],\"x\":1}",
                                ""),
                        "extra_forbidden",
                        "[\"body\",\"series\",0,\"x\"]"),
                Arguments.of(
                        "a horizon written as 12.0",
                        request("12.0", null, SERIES, ""),
                        "int_type",
                        "[\"body\",\"horizon\"]"),
                Arguments.of(
                        "a horizon written as a string",
                        request("\"12\"", null, SERIES, ""),
                        "int_type",
                        "[\"body\",\"horizon\"]"),
                Arguments.of(
                        "a zero horizon", request("0", null, SERIES, ""), "greater_than", "[\"body\",\"horizon\"]"),
                Arguments.of(
                        "a negative horizon",
                        request("-3", null, SERIES, ""),
                        "greater_than",
                        "[\"body\",\"horizon\"]"),
                Arguments.of(
                        "a missing horizon",
                        "{\"model\":\"mock\",\"series\":[" + SERIES + "]}",
                        "missing",
                        "[\"body\",\"horizon\"]"),
                Arguments.of(
                        "a missing model",
                        "{\"horizon\":2,\"series\":[" + SERIES + "]}",
                        "missing",
                        "[\"body\",\"model\"]"),
                Arguments.of(
                        "a model that is not a string",
                        "{\"model\":7,\"horizon\":2,\"series\":[" + SERIES + "]}",
                        "string_type",
                        "[\"body\",\"model\"]"),
                Arguments.of(
                        "a quantile of 1.0",
                        request("2", "[0.1,1.0]", SERIES, ""),
                        "less_than",
                        "[\"body\",\"quantiles\",1]"),
                Arguments.of(
                        "a quantile of 0",
                        request("2", "[0,0.5]", SERIES, ""),
                        "greater_than",
                        "[\"body\",\"quantiles\",0]"),
                Arguments.of(
                        "quantiles out of order",
                        request("2", "[0.9,0.1]", SERIES, ""),
                        "value_error",
                        "[\"body\",\"quantiles\"]"),
                Arguments.of(
                        "a repeated quantile",
                        request("2", "[0.5,0.5]", SERIES, ""),
                        "value_error",
                        "[\"body\",\"quantiles\"]"),
                Arguments.of(
                        "a quantile given as a string",
                        request("2", "[\"0.5\"]", SERIES, ""),
                        "float_type",
                        "[\"body\",\"quantiles\",0]"),
                Arguments.of(
                        "missing series", "{\"model\":\"mock\",\"horizon\":2}", "missing", "[\"body\",\"series\"]"),
                Arguments.of(
                        "empty series",
                        "{\"model\":\"mock\",\"horizon\":2,\"series\":[]}",
                        "too_short",
                        "[\"body\",\"series\"]"),
                Arguments.of(
                        "series that is not a list",
                        "{\"model\":\"mock\",\"horizon\":2,\"series\":{}}",
                        "list_type",
                        "[\"body\",\"series\"]"),
                Arguments.of(
                        "a series that is not an object",
                        request("2", null, "42", ""),
                        "model_type",
                        "[\"body\",\"series\",0]"),
                Arguments.of(
                        "an empty id",
                        request("2", null, "{\"id\":\"\",\"freq\":\"5min\"," + TS2 + ",\"target\":[1.0,2.0]}", ""),
                        "string_too_short",
                        "[\"body\",\"series\",0,\"id\"]"),
                Arguments.of(
                        "a missing id",
                        request("2", null, "{\"freq\":\"5min\"," + TS2 + ",\"target\":[1.0,2.0]}", ""),
                        "missing",
                        "[\"body\",\"series\",0,\"id\"]"),
                Arguments.of(
                        "a missing target",
                        request("2", null, "{\"id\":\"a\",\"freq\":\"5min\"," + TS2 + "}", ""),
                        "missing",
                        "[\"body\",\"series\",0,\"target\"]"),
                Arguments.of(
                        "an empty target",
                        request("2", null, "{\"id\":\"a\",\"freq\":\"5min\",\"timestamps\":[],\"target\":[]}", ""),
                        "too_short",
                        "[\"body\",\"series\",0,\"target\"]"),
                Arguments.of(
                        "timestamps and target of different lengths",
                        request("2", null, "{\"id\":\"a\",\"freq\":\"5min\"," + TS2 + ",\"target\":[1.0,2.0,3.0]}", ""),
                        "value_error",
                        "[\"body\",\"series\",0]"),
                Arguments.of(
                        "a null in the target",
                        request("2", null, "{\"id\":\"a\",\"freq\":\"5min\"," + TS2 + ",\"target\":[1.0,null]}", ""),
                        "float_type",
                        "[\"body\",\"series\",0,\"target\",1]"),
                Arguments.of(
                        "a string in the target",
                        request("2", null, "{\"id\":\"a\",\"freq\":\"5min\"," + TS2 + ",\"target\":[\"1.0\",2.0]}", ""),
                        "float_type",
                        "[\"body\",\"series\",0,\"target\",0]"),
                Arguments.of(
                        "a boolean in the target",
                        request("2", null, "{\"id\":\"a\",\"freq\":\"5min\"," + TS2 + ",\"target\":[1.0,true]}", ""),
                        "float_type",
                        "[\"body\",\"series\",0,\"target\",1]"),
                Arguments.of(
                        "a timestamp that is not a string",
                        request(
                                "2",
                                null,
                                "{\"id\":\"a\",\"freq\":\"5min\",\"timestamps\":[1,2],\"target\":[1.0,2.0]}",
                                ""),
                        "string_type",
                        "[\"body\",\"series\",0,\"timestamps\",0]"),
                Arguments.of(
                        "past covariates shorter than the target",
                        request(
                                "2",
                                null,
                                "{\"id\":\"a\",\"freq\":\"5min\"," + TS2
                                        + ",\"target\":[1.0,2.0],\"past_covariates\":{\"v\":[1.0]}}",
                                ""),
                        "value_error",
                        "[\"body\",\"series\",0,\"past_covariates\",\"v\"]"),
                Arguments.of(
                        "future covariates not as long as the horizon",
                        request(
                                "2",
                                null,
                                "{\"id\":\"a\",\"freq\":\"5min\"," + TS2 + ",\"target\":[1.0,2.0],"
                                        + "\"past_covariates\":{\"v\":[1.0,2.0]},\"future_covariates\":{\"v\":[1.0,2.0,3.0]}}",
                                ""),
                        "value_error",
                        "[\"body\",\"series\",0,\"future_covariates\",\"v\"]"),
                Arguments.of(
                        "a future covariate that is not also a past covariate",
                        request(
                                "2",
                                null,
                                "{\"id\":\"a\",\"freq\":\"5min\"," + TS2 + ",\"target\":[1.0,2.0],"
                                        + "\"future_covariates\":{\"w\":[1.0,2.0]}}",
                                ""),
                        "value_error",
                        "[\"body\",\"series\",0,\"future_covariates\",\"w\"]"),
                Arguments.of(
                        "freq auto with fewer than 3 timestamps",
                        request("2", null, "{\"id\":\"a\"," + TS2 + ",\"target\":[1.0,2.0]}", ""),
                        "value_error",
                        "[\"body\",\"series\",0]"),
                Arguments.of(
                        "a non-positive timeout",
                        request("2", null, SERIES, ",\"timeout\":0"),
                        "greater_than",
                        "[\"body\",\"timeout\"]"),
                Arguments.of(
                        "options that are not an object",
                        request("2", null, SERIES, ",\"options\":[]"),
                        "dict_type",
                        "[\"body\",\"options\"]"),
                Arguments.of(
                        "stream sent to /v1/forecast",
                        request("2", null, SERIES, ",\"stream\":false"),
                        "extra_forbidden",
                        "[\"body\",\"stream\"]"),
                Arguments.of("a body that is not JSON", "{\"model\":", "json_invalid", null),
                Arguments.of("a body that is a JSON array", "[1,2]", "model_attributes_type", "[\"body\"]"),
                Arguments.of("an empty body", "", "missing", "[\"body\"]"));
    }

    @ParameterizedTest(name = "{0} is a 400 with a {2} detail")
    @MethodSource("invalidRequests")
    void anInvalidRequestIsA400WithAPydanticStyleDetailArray(
            final String description, final String body, final String type, final String loc) {
        final HttpResponse<String> response = SERVER.http().post("/v1/forecast", body);

        assertThat(response.statusCode()).isEqualTo(400);
        final JsonNode detail = ForecasterHttp.json(response).path("detail");
        assertThat(detail.isArray()).isTrue();
        final JsonNode first = detail.get(0);
        assertThat(first.path("type").asText()).isEqualTo(type);
        if (loc != null) {
            assertThat(first.path("loc").toString()).isEqualTo(loc);
        }
        assertThat(first.path("msg").asText()).isNotEmpty();
        assertThat(first.has("input")).isTrue();
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        final String body = "{\"model\":\"mock\",\"horizon\":\"12\",\"quantiles\":[2.0],\"series\":["
                + "{\"id\":\"a\",\"freq\":\"5min\"," + TS2 + ",\"target\":[1.0,null]}],\"extra\":true}";

        final JsonNode detail =
                ForecasterHttp.json(SERVER.http().post("/v1/forecast", body)).path("detail");

        assertThat(detail).hasSize(4);
        assertThat(detail.findValuesAsText("type"))
                .containsExactlyInAnyOrder("int_type", "less_than", "float_type", "extra_forbidden");
    }

    @Test
    void theOffendingValueIsEchoedAsInput() {
        final JsonNode detail = ForecasterHttp.json(
                        SERVER.http().post("/v1/forecast", request("12.5", null, SERIES, "")))
                .path("detail");

        assertThat(detail.get(0).path("input").asDouble()).isEqualTo(12.5);
        assertThat(detail.get(0).path("msg").asText()).isEqualTo("Input should be a valid integer");
    }

    @Test
    void validationHappensOnApiForecastToo() {
        final HttpResponse<String> response = SERVER.http().post("/api/forecast", request("12.0", null, SERIES, ""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ForecasterHttp.json(response)
                        .path("detail")
                        .get(0)
                        .path("type")
                        .asText())
                .isEqualTo("int_type");
    }

    @Test
    void aRequestNamingOnlyADataUrlIsABadRequestObject() {
        final HttpResponse<String> response = SERVER.http()
                .post(
                        "/v1/forecast",
                        "{\"model\":\"mock\",\"horizon\":2,\"data_url\":\"https://example.org/series.csv\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ForecasterHttp.json(response).path("detail").path("code").asText())
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void aFutureCovariateAsLongAsAHorizonBeyond127StepsIsAccepted() {
        // lengths are boxed: compared by reference, 200 and 200 were two objects and the request a 400
        final String values = String.join(",", java.util.Collections.nCopies(200, "1.0"));
        final HttpResponse<String> response = SERVER.http()
                .post(
                        "/v1/forecast",
                        request(
                                "200",
                                null,
                                "{\"id\":\"a\",\"freq\":\"5min\"," + TS2 + ",\"target\":[1.0,2.0],"
                                        + "\"past_covariates\":{\"v\":[1.0,2.0]},\"future_covariates\":{\"v\":["
                                        + values + "]}}",
                                ""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String request(
            final String horizon, final String quantiles, final String series, final String extra) {
        return "{\"model\":\"mock\",\"horizon\":" + horizon
                + (quantiles == null ? "" : ",\"quantiles\":" + quantiles)
                + ",\"series\":[" + series + "]" + extra + "}";
    }
}
