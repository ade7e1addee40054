package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /tsfm/forecast} on a running instance over real HTTP: a real broker, the local forecaster's
 * mock model, the app's own client. Each test uses its own identity, so the rate limit of one never
 * touches another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnDemandApiIT {
    private static final String MODELER = "modeler-3b7e1f90c2d4a856";
    private static final String VALIDATOR = "validator-8d2c6a4e0f1b3957";
    private static final String LIMITED = "limited-5e9a0c7b3d1f2468";
    private static final String AS_OF = "2026-02-20T12:00:00Z";
    private static final int LIMIT = 5;

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;

    private EmbeddedKafkaBroker broker;
    private LocalForecaster forecaster;
    private TsfmApp app;

    @BeforeAll
    void startTheBrokerTheForecasterAndTheApp() throws Exception {
        broker = EmbeddedKafkaBroker.builder().dataDir(tmp.resolve("kafka")).start();
        broker.createTopics(1, ItSupport.APP_TOPICS);
        forecaster = LocalForecaster.start(LocalForecasterOptions.ephemeral());
        final Path tokens = Files.writeString(
                tmp.resolve("api-tokens"),
                "# test identities\nmodeler:" + MODELER + "\nvalidator:" + VALIDATOR + "\nlimited:" + LIMITED + "\n");
        final Map<String, String> settings = ItSupport.appSettings(
                broker.bootstrapServers(),
                "on-demand-it",
                forecaster.url(),
                tmp.resolve("state").toString());
        settings.put("ops.port", "0");
        settings.put("api.tokens.file", tokens.toString());
        settings.put("api.rate.limit.per.minute", Integer.toString(LIMIT));
        app = new TsfmApp(AppConfig.of(settings)).start();
    }

    @AfterAll
    void stopEverything() {
        app.close();
        forecaster.close();
        broker.close();
    }

    private static String request(final int points) {
        final StringBuilder y = new StringBuilder();
        for (int i = 0; i < points; i++) {
            y.append(i == 0 ? "" : ",").append(value(i));
        }
        return "{\"market_id\":\"m-1\",\"as_of_ts\":\"" + AS_OF + "\",\"freq\":\"5m\",\"horizon_steps\":12,"
                + "\"quantiles\":[0.1,0.5,0.9],\"y\":[" + y + "],\"transform\":{\"space\":\"logit\",\"eps\":1e-6},"
                + "\"model\":{\"provider\":\"tollama\",\"model_name\":\"mock\"},\"liquidity_bucket\":\"high\"}";
    }

    private static double value(final int i) {
        return Math.round((0.5 + 0.2 * Math.sin(i / 7.0)) * 10_000) / 10_000.0;
    }

    private HttpResponse<String> post(final int port, final String body, final String... headers) throws Exception {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tsfm/forecast"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(final String token, final String body) throws Exception {
        return post(app.opsPort(), body, "Authorization", "Bearer " + token);
    }

    private static String detail(final HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body()).get("detail").asText();
    }

    @Test
    void answersSixtyFourPointsWithTheModelInTheSeedsResponseShape() throws Exception {
        final HttpResponse<String> r = post(MODELER, request(64));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        final JsonNode f = Json.mapper().readTree(r.body());
        assertThat(f.get("market_id").asText()).isEqualTo("m-1");
        assertThat(f.get("as_of_ts").asText()).isEqualTo(AS_OF);
        assertThat(f.get("freq").asText()).isEqualTo("5m");
        assertThat(f.get("horizon_steps").asInt()).isEqualTo(12);
        assertThat(f.get("yhat_q").get("0.5")).hasSize(12);
        // values travel to the model at float precision
        assertThat(f.get("yhat_q").get("0.5").get(11).asDouble()).isCloseTo(value(63), within(1e-6));
        // the mock's flat answer is served as it is: no minimum width by default
        assertThat(f.get("yhat_q").get("0.1").get(11).asDouble()).isCloseTo(value(63), within(1e-6));
        final JsonNode meta = f.get("meta");
        assertThat(meta.get("runtime").asText()).isEqualTo("tollama");
        assertThat(meta.get("model_name").asText()).isEqualTo("mock");
        assertThat(meta.get("input_len").asInt()).isEqualTo(64);
        assertThat(meta.get("fallback_used").asBoolean()).isFalse();
        assertThat(meta.has("fallback_reason")).isFalse();
        assertThat(meta.get("route_selected").asText()).isEqualTo("tsfm");
        assertThat(meta.get("circuit_breaker_state").asText()).isEqualTo("closed");
        assertThat(meta.get("cache_hit").asBoolean()).isFalse();
        assertThat(meta.get("transform").get("space").asText()).isEqualTo("logit");
        assertThat(app.metrics().count("tsfm.forecasts", "runtime", "tollama")).isEqualTo(1.0);
    }

    @Test
    void answersTenPointsWithTheBaselineAndReasonTooFewPoints() throws Exception {
        final HttpResponse<String> r = post(app.opsPort(), request(10), "X-API-Key", MODELER);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        final JsonNode meta = Json.mapper().readTree(r.body()).get("meta");
        assertThat(meta.get("runtime").asText()).isEqualTo("baseline");
        assertThat(meta.get("fallback_used").asBoolean()).isTrue();
        assertThat(meta.get("fallback_reason").asText()).isEqualTo("too_few_points");
        assertThat(meta.get("route_selected").asText()).isEqualTo("baseline");
        assertThat(meta.get("warnings").get(0).asText()).isEqualTo("fallback_reason=too_few_points");
        assertThat(meta.get("input_len").asInt()).isEqualTo(10);
        assertThat(app.metrics().count("tsfm.fallback", "reason", "too_few_points"))
                .isEqualTo(1.0);
    }

    @Test
    void answersInvalidInputWithTheSeedsFourHundredMessages() throws Exception {
        final HttpResponse<String> nonFinite =
                post(VALIDATOR, request(4).replace("\"y\":[", "\"y\":[0.5,0.5,0.5,NaN,"));
        final HttpResponse<String> freq = post(VALIDATOR, request(40).replace("\"5m\"", "\"x\""));
        final HttpResponse<String> yTs =
                post(VALIDATOR, request(3).replace("\"y\":", "\"y_ts\":[\"" + AS_OF + "\"],\"y\":"));
        final HttpResponse<String> onePoint = post(VALIDATOR, request(1));

        assertThat(nonFinite.statusCode()).isEqualTo(400);
        assertThat(detail(nonFinite)).isEqualTo("malformed input: y[3] is non-finite");
        assertThat(freq.statusCode()).isEqualTo(400);
        assertThat(detail(freq)).isEqualTo("malformed input: Unsupported freq: x");
        assertThat(yTs.statusCode()).isEqualTo(400);
        assertThat(detail(yTs)).isEqualTo("y_ts length must match y");
        assertThat(onePoint.statusCode()).isEqualTo(400);
        assertThat(detail(onePoint)).isEqualTo("too_few_points: y has 1 value; at least 2 are required");
    }

    @Test
    void refusesAMissingOrWrongTokenWithFourHundredOne() throws Exception {
        final HttpResponse<String> missing = post(app.opsPort(), request(64));
        final HttpResponse<String> wrong = post("wrong-token-0123456789abcdef", request(64));
        final HttpResponse<String> wrongKey = post(app.opsPort(), request(64), "X-API-Key", MODELER + "x");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(detail(missing)).isEqualTo("missing API token");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(detail(wrong)).isEqualTo("invalid API token");
        assertThat(wrongKey.statusCode()).isEqualTo(401);
    }

    @Test
    void answersFourHundredTwentyNineWithRetryAfterOverTheIdentitysLimit() throws Exception {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(post(LIMITED, "{}").statusCode())
                    .as("request " + (i + 1))
                    .isEqualTo(400);
        }

        final HttpResponse<String> over = post(LIMITED, "{}");

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(detail(over)).isEqualTo("rate limit exceeded: 5 requests per minute");
        assertThat(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 12L);
    }

    @Test
    void allowsOnlyPostOnTheForecastPath() throws Exception {
        final HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.opsPort() + "/tsfm/forecast"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void answersFiveHundredThreeWhenNoTokensAreConfigured() throws Exception {
        final Map<String, String> settings = ItSupport.appSettings(
                broker.bootstrapServers(),
                "on-demand-it-off",
                forecaster.url(),
                tmp.resolve("state-off").toString());
        settings.put("ops.port", "0");
        try (TsfmApp off = new TsfmApp(AppConfig.of(settings)).start()) {
            final HttpResponse<String> r = post(off.opsPort(), request(64), "Authorization", "Bearer " + MODELER);

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("{\"detail\":\"on-demand API disabled: no API tokens configured\"}");
        }
    }

    @Test
    void keepsTheEndpointDisabledWhenATokenIsAPlaceholder() throws Exception {
        final Map<String, String> settings = ItSupport.appSettings(
                broker.bootstrapServers(),
                "on-demand-it-placeholder",
                forecaster.url(),
                tmp.resolve("state-placeholder").toString());
        settings.put("ops.port", "0");
        settings.put("api.tokens", "ops:" + MODELER + ",ci:changeme");
        try (TsfmApp off = new TsfmApp(AppConfig.of(settings)).start()) {
            final HttpResponse<String> r = post(off.opsPort(), request(64), "Authorization", "Bearer " + MODELER);

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(detail(r))
                    .isEqualTo("on-demand API disabled: API token rejected: entry 2 of api.tokens "
                            + "(TSFM_API_TOKENS) (identity ci) is a placeholder value");
        }
    }
}
