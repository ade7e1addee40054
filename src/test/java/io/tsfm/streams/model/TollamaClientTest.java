package io.tsfm.streams.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.metrics.TsfmMetrics;
import java.io.IOException;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pure parts of the client: backoff, retry classification, failure kinds, answer parsing. No HTTP. */
class TollamaClientTest {

    private static TollamaSettings settings(final long jitterMs) {
        return new TollamaSettings(
                URI.create("http://127.0.0.1:11435"),
                null,
                "chronos2",
                2,
                new double[] {0.1, 0.5, 0.9},
                "5min",
                1200L,
                1,
                120L,
                800L,
                jitterMs,
                8,
                5,
                120_000L,
                2);
    }

    @Test
    void aClosedClientAnswersEverySubmitWithAFailureAndFreesTheSlot() throws Exception {
        final TsfmMetrics metrics = TsfmMetrics.inMemory();
        final TollamaClient client = new TollamaClient(
                settings(0), metrics.model(), TollamaClient.ROLE_CURRENT, new CallGuards(metrics.registry()));
        client.close();

        final BatchResult result = client.trySubmit(
                        List.of(new SeriesInput("m-1", new String[] {"t"}, new double[] {0.5})))
                .orElseThrow()
                .get(10, TimeUnit.SECONDS);

        assertThat(result.failed()).isTrue();
        assertThat(result.failureKind()).isEqualTo("unexpected");
        assertThat(result.failureDetail()).isEqualTo("the model client is closed");
        assertThat(client.bulkhead().getMetrics().getAvailableConcurrentCalls()).isEqualTo(8);
    }

    @Test
    void doublesTheBackoffUpToTheCap() {
        final IntervalFunction backoff = TollamaClient.backoff(settings(0));

        assertThat(List.of(backoff.apply(1), backoff.apply(2), backoff.apply(3), backoff.apply(4), backoff.apply(5)))
                .containsExactly(120L, 240L, 480L, 800L, 800L);
    }

    @Test
    void addsAtMostTheJitterToTheBackoff() {
        final IntervalFunction backoff = TollamaClient.backoff(settings(80));

        for (int i = 0; i < 200; i++) {
            assertThat(backoff.apply(1)).isBetween(120L, 200L);
            assertThat(backoff.apply(5)).isBetween(800L, 880L);
        }
    }

    @Test
    void retriesTheTransientHttpStatuses() {
        for (final int status : new int[] {429, 502, 503, 504}) {
            assertThat(CallFailures.retryable(ModelCallException.httpStatus(status, "")))
                    .as("HTTP %d", status)
                    .isTrue();
        }
    }

    @Test
    void doesNotRetryOtherHttpStatuses() {
        for (final int status : new int[] {400, 401, 404, 500}) {
            assertThat(CallFailures.retryable(ModelCallException.httpStatus(status, "")))
                    .as("HTTP %d", status)
                    .isFalse();
        }
    }

    @Test
    void doesNotRetryAnInvalidPayload() {
        assertThat(CallFailures.retryable(ModelCallException.invalidPayload("malformed_json", "x")))
                .isFalse();
    }

    @Test
    void retriesTimeoutsAndConnectionFailures() {
        assertThat(CallFailures.retryable(new HttpTimeoutException("request timed out")))
                .isTrue();
        assertThat(CallFailures.retryable(new ConnectException("Connection refused")))
                .isTrue();
        assertThat(CallFailures.retryable(new IOException("connection reset"))).isTrue();
    }

    @Test
    void looksThroughCompletionWrappersWhenDecidingToRetry() {
        assertThat(CallFailures.retryable(new CompletionException(ModelCallException.httpStatus(503, ""))))
                .isTrue();
        assertThat(CallFailures.retryable(new CompletionException(ModelCallException.httpStatus(400, ""))))
                .isFalse();
        assertThat(CallFailures.retryable(new CompletionException(new HttpTimeoutException("t"))))
                .isTrue();
    }

    @Test
    void doesNotRetryProgrammingErrors() {
        assertThat(CallFailures.retryable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void namesFailuresInTheFallbackVocabulary() {
        assertThat(CallFailures.kindOf(ModelCallException.httpStatus(503, "busy")))
                .isEqualTo("http_503");
        assertThat(CallFailures.kindOf(ModelCallException.invalidPayload("malformed_json", "x")))
                .isEqualTo("invalid_payload:malformed_json");
        assertThat(CallFailures.kindOf(new HttpTimeoutException("request timed out")))
                .isEqualTo("timeout");
        assertThat(CallFailures.kindOf(new ConnectException("Connection refused")))
                .isEqualTo("connection");
        assertThat(CallFailures.kindOf(new IOException("connection reset"))).isEqualTo("connection");
        assertThat(CallFailures.kindOf(new IllegalStateException("bug"))).isEqualTo("unexpected");
    }

    @Test
    void namesTheBreakersRefusal() {
        final CallNotPermittedException refused =
                CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("test"));

        assertThat(CallFailures.kindOf(refused)).isEqualTo("circuit_breaker_open");
        assertThat(CallFailures.retryable(refused)).isFalse();
    }

    @Test
    void keepsTheStatusAndBodyInTheHttpFailureDetail() {
        final ModelCallException e = ModelCallException.httpStatus(503, "overloaded");

        assertThat(e.kind()).isEqualTo("http_503");
        assertThat(e.getMessage()).isEqualTo("HTTP 503: overloaded");
    }

    @Test
    void validatesEachSeriesOfAnAnswerOnItsOwn() {
        final String body = "{\"forecasts\":[{\"id\":\"a\",\"quantiles\":{\"0.1\":[1,2],\"0.5\":[3,4],\"0.9\":[5,6]}},"
                + "{\"id\":\"b\",\"quantiles\":{\"0.1\":[1,2],\"0.5\":[3,null],\"0.9\":[5,6]}},"
                + "{\"id\":\"c\",\"quantiles\":{\"0.1\":[1],\"0.5\":[3],\"0.9\":[5]}}]}";
        final List<SeriesInput> series = List.of(series("a"), series("b"), series("c"), series("d"));

        final Map<String, SeriesOutcome> outcomes =
                new TollamaCodec(settings(0)).parse(body.getBytes(StandardCharsets.UTF_8), series);

        assertThat(outcomes.get("a").isValid()).isTrue();
        assertThat(outcomes.get("a").paths().toArray()).isEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThat(outcomes.get("b").invalidReason()).isEqualTo("non_finite_value");
        assertThat(outcomes.get("c").invalidReason()).isEqualTo("horizon_mismatch");
        assertThat(outcomes.get("d").invalidReason()).isEqualTo("missing_series");
    }

    @Test
    void failsTheWholeCallOnAnAnswerThatIsNotJson() {
        final TollamaCodec codec = new TollamaCodec(settings(0));
        assertThatThrownBy(() -> codec.parse("<html>".getBytes(StandardCharsets.UTF_8), List.of(series("a"))))
                .isInstanceOfSatisfying(ModelCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo("invalid_payload:malformed_json");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void failsTheWholeCallOnAnAnswerWithoutForecasts() {
        final TollamaCodec codec = new TollamaCodec(settings(0));
        assertThatThrownBy(
                        () -> codec.parse("{\"error\":\"x\"}".getBytes(StandardCharsets.UTF_8), List.of(series("a"))))
                .isInstanceOfSatisfying(
                        ModelCallException.class,
                        e -> assertThat(e.kind()).isEqualTo("invalid_payload:missing_forecasts"));
    }

    private static SeriesInput series(final String id) {
        return new SeriesInput(id, new String[] {"2024-05-01T12:00:00Z"}, new double[] {0.0});
    }

    @Test
    void writesEachValueAsJacksonFormatsTheFloatWhetherItRepeatsOrNot() throws Exception {
        final double[] target = {0.1234567891, 0.1234567891, 0.1234567891, -2.5, 0.0, 0.0, 1e-7, 1e-7, 0.1234567891};
        final String[] timestamps = new String[target.length];
        Arrays.fill(timestamps, "2024-05-01T12:00:00Z");
        final byte[] body =
                new TollamaCodec(settings(0)).requestBody(List.of(new SeriesInput("a", timestamps, target)));

        final StringWriter expected = new StringWriter();
        try (JsonGenerator g = Json.wire().getFactory().createGenerator(expected)) {
            g.writeStartArray();
            for (final double v : target) {
                g.writeNumber((float) v);
            }
            g.writeEndArray();
        }
        assertThat(new String(body, StandardCharsets.UTF_8))
                .contains("\"target\":" + expected)
                .contains("\"target\":[0.12345679,0.12345679,0.12345679,-2.5,0.0,0.0,1.0E-7,1.0E-7,0.12345679]");
    }
}
