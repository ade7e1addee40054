package io.tsfm.streams.model;

import static io.tsfm.streams.model.TollamaContractFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.forecaster.FaultProfile;
import io.tsfm.streams.forecaster.GarbageKind;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor's client and the local tollama-compatible forecaster agree on the wire: real HTTP on
 * 127.0.0.1, an ephemeral port, no mocks. Every request the client makes passes the server's strict
 * (pydantic-like) validation, and every kind of broken answer or error status the server can inject
 * ends as the per-series reason or batch failure kind the processor's fallback gates expect.
 */
class TollamaClientContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    // ---------------------------------------------------------------- happy path

    @Test
    void aBatchOfThreeMockSeriesComesBackAsOneFlatPathPerLevelAtEachSeriesLastValue() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(server.url(), Map.of()))) {

            final BatchResult result = call(
                    client,
                    List.of(
                            series("m-1", 1.5, 2.5, 3.25),
                            series("m-2", -0.41, -0.37, -0.4),
                            series("m-3", 100.0, 101.0, 99.0, 98.5)));

            assertThat(result.failed()).isFalse();
            assertThat(result.failureKind()).isNull();
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.outcomes()).containsOnlyKeys("m-1", "m-2", "m-3");
            assertFlat(result.outcomes().get("m-1"), 3.25);
            assertFlat(result.outcomes().get("m-2"), -0.4);
            assertFlat(result.outcomes().get("m-3"), 98.5);
            assertThat(server.stats().forecastRequests()).isEqualTo(1);
            assertThat(server.stats().series()).isEqualTo(3);
        }
    }

    @Test
    void sendsAndAnswersOnTheClientsOwnCallThreads() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(server.url(), Map.of()), TollamaClient.ROLE_SHADOW)) {

            final BatchResult result = call(client, List.of(series("m-1", 0.1, 0.2)));

            assertThat(result.failed()).isFalse();
            // not the JDK client's sendAsync, whose answers go to a new thread each on a two-core machine
            assertThat(Thread.getAllStackTraces().keySet())
                    .extracting(Thread::getName)
                    .contains("tollama-call-shadow-1");
        }
    }

    @Test
    void theDampedEtsModelAnswersValidQuantilePathsThatNeverCross() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(server.url(), Map.of("tollama.model", "local-ets-damped")))) {

            final BatchResult result = call(
                    client,
                    List.of(
                            series("up", wiggle(96, 0.02, 0.5)),
                            series("down", wiggle(96, -0.03, 0.8)),
                            series("flat", wiggle(96, 0.0, 0.2))));

            assertThat(result.failed()).isFalse();
            assertThat(result.outcomes()).containsOnlyKeys("up", "down", "flat");
            for (final Map.Entry<String, SeriesOutcome> e : result.outcomes().entrySet()) {
                final SeriesOutcome outcome = e.getValue();
                assertThat(outcome.invalidReason()).as(e.getKey()).isNull();
                final QuantilePaths paths = outcome.paths();
                assertThat(paths.levels()).as(e.getKey()).containsExactly(LEVELS);
                assertThat(paths.horizon()).as(e.getKey()).isEqualTo(12);
                for (int k = 0; k < 12; k++) {
                    assertThat(paths.value(0, k))
                            .as("%s q0.1 <= q0.5 at step %d", e.getKey(), k + 1)
                            .isFinite()
                            .isLessThanOrEqualTo(paths.value(1, k));
                    assertThat(paths.value(1, k))
                            .as("%s q0.5 <= q0.9 at step %d", e.getKey(), k + 1)
                            .isFinite()
                            .isLessThanOrEqualTo(paths.value(2, k));
                }
                assertThat(paths.value(2, 11))
                        .as("%s has a band, not a flat line", e.getKey())
                        .isGreaterThan(paths.value(0, 11));
            }
        }
    }

    @Test
    void theClientSendsValuesAtFloatPrecisionAndTheSharedGridOncePerSeries() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                RecordingRelay relay = new RecordingRelay(server.url());
                TollamaClient client = client(settings(relay.url(), Map.of()))) {
            final SeriesInput first = series("a-1", -0.123456789012345, 2.0);
            final SeriesInput second = new SeriesInput("b-2", first.timestamps(), new double[] {1.0 / 3, 4.0});

            final BatchResult result = call(client, List.of(first, second));

            assertThat(result.failed())
                    .as("the strict server accepted the request")
                    .isFalse();
            final String body = new String(relay.requests().get(0).body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).contains("\"target\":[-0.12345679,2.0]").contains("\"target\":[0.33333334,4.0]");
            final JsonNode sent = MAPPER.readTree(body).get("series");
            assertThat(sent.get(1).get("timestamps").get(1).asText()).isEqualTo("2026-02-20T11:05:00Z");
            assertThat(sent.get(0).get("timestamps")).isEqualTo(sent.get(1).get("timestamps"));
        }
    }

    @Test
    void theClientSendsTheFiveMinuteAliasAnIntegerHorizonAscendingQuantilesAndTheIdsItWasGiven() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                RecordingRelay relay = new RecordingRelay(server.url());
                TollamaClient client = client(settings(relay.url(), Map.of()))) {

            final BatchResult result =
                    call(client, List.of(series("b-2", 1.0, 2.0), series("a-1", 3.0, 4.0), series("c-3", 5.0, 6.0)));

            assertThat(result.failed())
                    .as("the strict server accepted the request")
                    .isFalse();
            assertThat(relay.requests()).hasSize(1);
            final RecordingRelay.Recorded request = relay.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/forecast");
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.authorization()).isNull();

            final JsonNode body = MAPPER.readTree(request.body());
            assertThat(fieldNames(body)).containsExactly("model", "horizon", "quantiles", "series");
            assertThat(body.get("model").asText()).isEqualTo("mock");
            assertThat(body.get("horizon").isInt())
                    .as("horizon is a JSON integer")
                    .isTrue();
            assertThat(body.get("horizon").intValue()).isEqualTo(12);
            assertThat(doubles(body.get("quantiles"))).containsExactly(0.1, 0.5, 0.9);
            final JsonNode sent = body.get("series");
            assertThat(sent).hasSize(3);
            assertThat(List.of(
                            sent.get(0).get("id").asText(),
                            sent.get(1).get("id").asText(),
                            sent.get(2).get("id").asText()))
                    .containsExactly("b-2", "a-1", "c-3");
            for (final JsonNode s : sent) {
                assertThat(fieldNames(s)).containsExactly("id", "freq", "timestamps", "target");
                assertThat(s.get("freq").asText()).isEqualTo("5min");
                assertThat(s.get("timestamps").get(0).asText()).isEqualTo("2026-02-20T11:00:00Z");
                assertThat(s.get("timestamps").get(1).asText()).isEqualTo("2026-02-20T11:05:00Z");
            }
            assertThat(doubles(sent.get(1).get("target"))).containsExactly(3.0, 4.0);

            final JsonNode answer = MAPPER.readTree(request.responseBody());
            assertThat(answer.get("forecasts").get(0).get("freq").asText()).isEqualTo("5min");
            assertThat(fieldNames(answer.get("forecasts").get(0).get("quantiles")))
                    .containsExactly("0.1", "0.5", "0.9");
            assertFlat(result.outcomes().get("a-1"), 4.0);
        }
    }

    // ---------------------------------------------------------------- broken answers

    @ParameterizedTest(name = "garbage_kind {0} marks every series invalid with {1}")
    @CsvSource({"NAN, non_finite_value", "WRONG_HORIZON, horizon_mismatch", "MISSING_QUANTILE, quantile_set_mismatch"})
    void aBrokenButParseableAnswerMarksEachSeriesInvalidWithTheMatchingReason(
            final GarbageKind kind, final String reason) throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(server.url(), Map.of("tollama.retry.max.retries", "2")))) {
            server.faults()
                    .set(FaultProfile.builder()
                            .garbageRate(1.0)
                            .garbageKind(kind)
                            .build());

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failed()).isFalse();
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.outcomes()).containsOnlyKeys("m-1", "m-2", "m-3");
            assertThat(result.outcomes().values()).allSatisfy(outcome -> {
                assertThat(outcome.isValid()).isFalse();
                assertThat(outcome.paths()).isNull();
                assertThat(outcome.invalidReason()).isEqualTo(reason);
            });
            assertThat(server.stats().faulted()).isEqualTo(1);
        }
    }

    @Test
    void aTruncatedJsonAnswerFailsTheWholeBatchAsMalformedJsonWithoutARetry() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(server.url(), Map.of("tollama.retry.max.retries", "2")))) {
            server.faults()
                    .set(FaultProfile.builder()
                            .garbageRate(1.0)
                            .garbageKind(GarbageKind.BROKEN_JSON)
                            .build());

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failed()).isTrue();
            assertThat(result.failureKind()).isEqualTo("invalid_payload:malformed_json");
            assertThat(result.outcomes()).isEmpty();
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(server.stats().forecastRequests()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- error statuses and retries

    @Test
    void aServerThatKeepsAnswering503IsTriedRetriesPlusOneTimesAndFailsAsHttp503() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(server.url(), Map.of("tollama.retry.max.retries", "2")))) {
            server.faults()
                    .set(FaultProfile.builder().errorRate(1.0).errorStatus(503).build());

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failureKind()).isEqualTo("http_503");
            assertThat(result.failureDetail()).startsWith("HTTP 503: ").contains("RUNNER_UNAVAILABLE");
            assertThat(result.attempts()).isEqualTo(3);
            assertThat(server.stats().forecastRequests()).isEqualTo(3);
            assertThat(server.stats().faulted()).isEqualTo(3);
            assertThat(client.breakerState()).isEqualTo("closed");
        }
    }

    @Test
    void aModelThatIsNotInstalledFailsAsHttp404AfterOneAttempt() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                RecordingRelay relay = new RecordingRelay(server.url());
                TollamaClient client = client(
                        settings(relay.url(), Map.of("tollama.model", "chronos2", "tollama.retry.max.retries", "2")))) {

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failureKind()).isEqualTo("http_404");
            assertThat(result.failureDetail()).startsWith("HTTP 404: ").contains("model 'chronos2' is not installed");
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(relay.requests()).as("requests on the wire").hasSize(1);
            assertThat(server.stats().forecastRequests())
                    .as("rejected before it was accepted")
                    .isZero();
        }
    }

    @ParameterizedTest(name = "HTTP {0} is not retried")
    @ValueSource(ints = {400, 409, 500})
    void otherErrorStatusesAreNotRetried(final int status) throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(server.url(), Map.of("tollama.retry.max.retries", "2")))) {
            server.faults()
                    .set(FaultProfile.builder()
                            .errorRate(1.0)
                            .errorStatus(status)
                            .build());

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failureKind()).isEqualTo("http_" + status);
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(server.stats().forecastRequests()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "one HTTP {0} then success takes two attempts")
    @ValueSource(ints = {429, 502, 503})
    void oneTransientErrorThenSuccessSucceedsOnTheSecondAttempt(final int status) throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(server.url(), Map.of("tollama.retry.max.retries", "1")))) {
            server.faults()
                    .set(FaultProfile.builder()
                            .failFirstN(1)
                            .errorStatus(status)
                            .build());

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failed()).isFalse();
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(result.outcomes()).containsOnlyKeys("m-1", "m-2", "m-3");
            assertFlat(result.outcomes().get("m-2"), 20.0);
            assertThat(server.stats().forecastRequests()).isEqualTo(2);
            assertThat(server.stats().faulted()).isEqualTo(1);
        }
    }

    @Test
    void aZeroBackoffStillRetries() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(
                        server.url(),
                        Map.of(
                                "tollama.retry.max.retries", "2",
                                "tollama.retry.backoff.ms", "0",
                                "tollama.retry.backoff.max.ms", "0",
                                "tollama.retry.jitter.ms", "0")))) {
            server.faults()
                    .set(FaultProfile.builder().failFirstN(2).errorStatus(503).build());

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failureKind()).isNull();
            assertThat(result.attempts()).isEqualTo(3);
            assertThat(server.stats().forecastRequests()).isEqualTo(3);
        }
    }

    // ---------------------------------------------------------------- timeouts

    @Test
    void aServerThatNeverAnswersFailsAsTimeoutAfterTheClientTimeout() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(
                        server.url(), Map.of("tollama.timeout.ms", "300", "tollama.retry.max.retries", "0")))) {
            server.faults().set(FaultProfile.builder().hangRate(1.0).build());

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failureKind()).isEqualTo("timeout");
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.latencyMs()).isGreaterThanOrEqualTo(300L);
            assertThat(server.stats().forecastRequests()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- auth

    @Test
    void aClientWithoutTheServersApiKeyFailsAsHttp401AfterOneAttempt() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(withKeys("tk-contract-1"));
                RecordingRelay relay = new RecordingRelay(server.url());
                TollamaClient client = client(settings(relay.url(), Map.of("tollama.retry.max.retries", "2")))) {

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failureKind()).isEqualTo("http_401");
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(relay.requests()).as("requests on the wire").hasSize(1);
            assertThat(relay.requests().get(0).authorization()).isNull();
            assertThat(server.stats().forecastRequests()).isZero();
        }
    }

    @Test
    void aClientWithAWrongApiKeyFailsAsHttp401() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(withKeys("tk-contract-1"));
                TollamaClient client = client(settings(server.url(), Map.of("tollama.api.key", "tk-someone-else")))) {

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failureKind()).isEqualTo("http_401");
            assertThat(server.stats().forecastRequests()).isZero();
        }
    }

    @Test
    void aClientWithTheServersApiKeyIsAnswered() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(withKeys("tk-contract-1"));
                RecordingRelay relay = new RecordingRelay(server.url());
                TollamaClient client = client(settings(relay.url(), Map.of("tollama.api.key", "tk-contract-1")))) {

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failed()).isFalse();
            assertThat(result.outcomes()).containsOnlyKeys("m-1", "m-2", "m-3");
            assertThat(relay.requests().get(0).authorization()).isEqualTo("Bearer tk-contract-1");
            assertThat(server.stats().forecastRequests()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- circuit breaker

    @Test
    void afterFiveFailedCallsTheBreakerOpensAndTheSixthCallNeverReachesTheServer() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(
                        server.url(), Map.of("tollama.retry.max.retries", "0", "breaker.failure.threshold", "5")))) {
            server.faults().set(FaultProfile.preset("down"));

            for (int i = 1; i <= 5; i++) {
                assertThat(client.breakerState()).as("before call %d", i).isEqualTo("closed");
                final BatchResult failed = call(client, threeSeries());
                assertThat(failed.failureKind()).as("call %d", i).isEqualTo("http_503");
                assertThat(failed.attempts()).as("call %d", i).isEqualTo(1);
            }
            assertThat(client.breakerState()).isEqualTo("open");
            assertThat(client.breakerOpen()).isTrue();
            assertThat(server.stats().forecastRequests()).isEqualTo(5);

            final BatchResult refused = call(client, threeSeries());

            assertThat(refused.failureKind()).isEqualTo("circuit_breaker_open");
            assertThat(refused.attempts()).isZero();
            assertThat(refused.outcomes()).isEmpty();
            assertThat(server.stats().forecastRequests()).isEqualTo(5);
            assertThat(client.breakerState()).isEqualTo("open");
        }
    }

    @Test
    void aBreakerRefusalOfARetryStillReportsTheFailureThatCausedIt() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(
                        server.url(), Map.of("tollama.retry.max.retries", "3", "breaker.failure.threshold", "2")))) {
            server.faults().set(FaultProfile.preset("down"));

            final BatchResult result = call(client, threeSeries());

            assertThat(result.failureKind()).isEqualTo("http_503");
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(server.stats().forecastRequests()).isEqualTo(2);
            assertThat(client.breakerState()).isEqualTo("open");
        }
    }

    @Test
    void aFailedFirstProbeOfAHalfOpenBreakerOpensItAgainAndTheSecondProbeIsRefused() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(halfOpenAfterFiveFailures(server.url()))) {
            final CompletableFuture<Void> halfOpen = halfOpenSignal(client);
            openTheBreaker(server, client);
            halfOpen.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(client.breakerState()).isEqualTo("half-open");
            server.faults().set(FaultProfile.builder().failFirstN(1).build());

            final BatchResult firstProbe = call(client, threeSeries());
            final BatchResult secondProbe = call(client, threeSeries());

            assertThat(firstProbe.failureKind()).isEqualTo("http_503");
            assertThat(secondProbe.failureKind()).isEqualTo("circuit_breaker_open");
            assertThat(client.breakerState()).isEqualTo("open");
            assertThat(server.stats().forecastRequests()).isEqualTo(6);
        }
    }

    @Test
    void aFailedSecondProbeOfAHalfOpenBreakerOpensItAgain() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(halfOpenAfterFiveFailures(server.url()))) {
            final CompletableFuture<Void> halfOpen = halfOpenSignal(client);
            openTheBreaker(server, client);
            halfOpen.get(WAIT_SECONDS, TimeUnit.SECONDS);

            final BatchResult firstProbe = call(client, threeSeries());
            assertThat(firstProbe.failed()).isFalse();
            assertThat(client.breakerState()).as("one of two probes succeeded").isEqualTo("half-open");
            server.faults().set(FaultProfile.builder().failFirstN(1).build());
            final BatchResult secondProbe = call(client, threeSeries());

            assertThat(secondProbe.failureKind()).isEqualTo("http_503");
            assertThat(client.breakerState())
                    .as("breaker.half.open.probes: all must succeed to close")
                    .isEqualTo("open");
        }
    }

    @Test
    void twoSuccessfulProbesCloseAHalfOpenBreaker() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(halfOpenAfterFiveFailures(server.url()))) {
            final CompletableFuture<Void> halfOpen = halfOpenSignal(client);
            openTheBreaker(server, client);
            halfOpen.get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(call(client, threeSeries()).failed()).isFalse();
            assertThat(call(client, threeSeries()).failed()).isFalse();

            assertThat(client.breakerState()).isEqualTo("closed");
        }
    }

    @Test
    void withMoreProbesThanTheThresholdOneSuccessfulProbeDoesNotYetCloseTheBreaker() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(
                        server.url(),
                        Map.of(
                                "tollama.retry.max.retries",
                                "0",
                                "breaker.failure.threshold",
                                "1",
                                "breaker.open.ms",
                                "400",
                                "breaker.half.open.probes",
                                "2")))) {
            final CompletableFuture<Void> halfOpen = halfOpenSignal(client);
            server.faults().set(FaultProfile.builder().failFirstN(1).build());
            assertThat(call(client, threeSeries()).failureKind()).isEqualTo("http_503");
            halfOpen.get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(call(client, threeSeries()).failed()).isFalse();
            assertThat(client.breakerState())
                    .as("after the first of two probes")
                    .isEqualTo("half-open");
            assertThat(call(client, threeSeries()).failed()).isFalse();
            assertThat(client.breakerState())
                    .as("after the second of two probes")
                    .isEqualTo("closed");
        }
    }

    private static TollamaSettings halfOpenAfterFiveFailures(final String url) {
        return settings(
                url,
                Map.of(
                        "tollama.retry.max.retries",
                        "0",
                        "breaker.failure.threshold",
                        "5",
                        "breaker.open.ms",
                        "400",
                        "breaker.half.open.probes",
                        "2"));
    }

    /** Five failed calls (fail_first_n 5) open a breaker with threshold 5. */
    private static void openTheBreaker(final LocalForecaster server, final TollamaClient client) throws Exception {
        server.faults().set(FaultProfile.builder().failFirstN(5).build());
        for (int i = 0; i < 5; i++) {
            assertThat(call(client, threeSeries()).failureKind()).isEqualTo("http_503");
        }
        assertThat(client.breakerState()).isIn("open", "half-open");
    }

    private static CompletableFuture<Void> halfOpenSignal(final TollamaClient client) {
        final CompletableFuture<Void> halfOpen = new CompletableFuture<>();
        client.circuitBreaker().getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.HALF_OPEN) {
                halfOpen.complete(null);
            }
        });
        return halfOpen;
    }

    // ---------------------------------------------------------------- bulkhead

    @Test
    void withOneSlotASecondSubmitIsRefusedWhileTheFirstIsInFlightAndAcceptedOnceItEnds() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                TollamaClient client = client(settings(
                        server.url(),
                        Map.of(
                                "tollama.max.in.flight",
                                "1",
                                "tollama.timeout.ms",
                                "1000",
                                "tollama.retry.max.retries",
                                "0")))) {
            server.faults().set(FaultProfile.preset("hang"));

            final Optional<CompletableFuture<BatchResult>> first = client.trySubmit(threeSeries());
            final Optional<CompletableFuture<BatchResult>> second = client.trySubmit(threeSeries());

            assertThat(first).isPresent();
            assertThat(second).isEmpty();
            assertThat(client.slotFree()).isFalse();
            assertThat(client.bulkhead().getMetrics().getAvailableConcurrentCalls())
                    .isZero();

            assertThat(first.get().get(WAIT_SECONDS, TimeUnit.SECONDS).failureKind())
                    .isEqualTo("timeout");
            server.faults().clear();
            final Optional<CompletableFuture<BatchResult>> third = client.trySubmit(threeSeries());
            assertThat(third).isPresent();
            final BatchResult thirdResult = third.get().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(thirdResult.failed()).isFalse();
            assertThat(client.slotFree()).isTrue();
            assertThat(client.bulkhead().getMetrics().getAvailableConcurrentCalls())
                    .isEqualTo(1);
            assertThat(server.stats().forecastRequests()).isEqualTo(2);
        }
    }
}
