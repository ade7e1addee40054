package io.tsfm.streams.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.metrics.TsfmMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous, batched client of tollama's {@code POST /v1/forecast}: a Resilience4j bulkhead bounds the
 * requests in flight, a retry (429/502/503/504 and network errors only, exponential backoff with jitter)
 * wraps a circuit breaker that opens after N consecutive failed attempts. Never blocks its caller.
 */
public final class TollamaClient implements ModelClient {
    private static final Logger LOG = LoggerFactory.getLogger(TollamaClient.class);
    public static final String BREAKER_NAME = "tollama";
    /** The model that serves by default ({@code tollama.model}). */
    public static final String ROLE_CURRENT = "current";
    /** A rollout's candidate where it serves (canary share, full_100). */
    public static final String ROLE_CANDIDATE = "candidate";
    /** A rollout's candidate called in shadow: answers are compared, never served. */
    public static final String ROLE_SHADOW = "shadow";

    private final TollamaSettings settings;
    private final HttpClient http;
    /** Fast double writing and parsing (Schubfach, FastDoubleParser): a request is mostly doubles. */
    private final ObjectMapper mapper = Json.wire();
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final ScheduledExecutorService scheduler;
    private final PayloadValidator validator;
    private final URI forecastUri;
    private final AtomicReference<EncodedGrid> lastGrid = new AtomicReference<>();

    private final TsfmMetrics metrics;
    private final String role;

    public TollamaClient(final TollamaSettings settings, final TsfmMetrics metrics) {
        this(settings, metrics, ROLE_CURRENT);
    }

    /**
     * @param role {@link #ROLE_CURRENT}, {@link #ROLE_CANDIDATE} or {@link #ROLE_SHADOW}: each role has its own
     *             HTTP client, breaker, retry and bulkhead (Resilience4j name {@code tollama},
     *             {@code tollama-candidate}, {@code tollama-shadow}) and labels its metrics {@code client=<role>}
     */
    public TollamaClient(final TollamaSettings settings, final TsfmMetrics metrics, final String role) {
        this.settings = settings;
        this.metrics = metrics;
        this.role = role;
        final String name = ROLE_CURRENT.equals(role) ? BREAKER_NAME : BREAKER_NAME + "-" + role;
        this.forecastUri = URI.create(settings.baseUrl() + "/v1/forecast");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(settings.timeoutMs()))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread t = new Thread(r, "tollama-retry-" + role);
            t.setDaemon(true);
            return t;
        });
        final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerFailureThreshold())
                // Resilience4j caps this at the window in each state: the threshold when closed, and all
                // the probes (not min(threshold, probes)) when half-open.
                .minimumNumberOfCalls(Math.max(settings.breakerFailureThreshold(), settings.breakerHalfOpenProbes()))
                .failureRateThreshold(100.0f)
                .waitDurationInOpenState(Duration.ofMillis(settings.breakerOpenMs()))
                .permittedNumberOfCallsInHalfOpenState(settings.breakerHalfOpenProbes())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(e -> !(unwrap(e) instanceof CallNotPermittedException))
                .build());
        this.breaker = breakers.circuitBreaker(name);
        final RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxRetries() + 1)
                .intervalFunction(backoff(settings))
                .retryOnException(TollamaClient::retryable)
                .failAfterMaxAttempts(false)
                .build());
        this.retry = retries.retry(name);
        final BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxInFlight())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.bulkhead = bulkheads.bulkhead(name);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(metrics.registry());
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(metrics.registry());
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(metrics.registry());
        this.validator = new PayloadValidator(settings.levels(), settings.horizon());
        breaker.getEventPublisher().onStateTransition(e -> {
            LOG.warn("tollama circuit breaker ({}, {}) {}", role, settings.model(), e.getStateTransition());
            metrics.breakerTransition(role, stateName(e.getStateTransition().getFromState()),
                    stateName(e.getStateTransition().getToState()));
        });
        // All half-open probes must succeed to close: with a 100 % failure-rate threshold alone, one success
        // among the probes would close it, so any failed probe reopens the breaker at once. The error event
        // is published before the state records the error, so the state seen here is the probing one.
        breaker.getEventPublisher().onError(e -> {
            if (breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
                breaker.transitionToOpenState();
            }
        });
        metrics.breakerOpenGauge(role, this::breakerOpen);
        metrics.inflightGauge(role, () -> settings.maxInFlight() - bulkhead.getMetrics().getAvailableConcurrentCalls());
    }

    /** The seed's backoff: min(base * 2^(attempt-1), cap) + uniform jitter in [0, jitter]. */
    static IntervalFunction backoff(final TollamaSettings s) {
        return attempt -> {
            final double exp = s.backoffMs() * Math.pow(2, Math.max(0, attempt - 1));
            final long base = (long) Math.min(exp, s.backoffMaxMs());
            final long jitter = s.jitterMs() == 0 ? 0 : ThreadLocalRandom.current().nextLong(s.jitterMs() + 1);
            return base + jitter;
        };
    }

    @Override
    public Optional<CompletableFuture<BatchResult>> trySubmit(final List<SeriesInput> series) {
        if (!bulkhead.tryAcquirePermission()) {
            return Optional.empty();
        }
        final byte[] body;
        try {
            body = requestBody(series);
        } catch (final JsonProcessingException e) {
            bulkhead.onComplete();
            throw new IllegalStateException("cannot encode a forecast request", e);
        }
        metrics.batch(role, series.size());
        final long started = System.nanoTime();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicReference<Throwable> lastCallFailure = new AtomicReference<>();
        final CompletableFuture<BatchResult> result = new CompletableFuture<>();
        Retry.decorateCompletionStage(retry, scheduler,
                        () -> CircuitBreaker.decorateCompletionStage(breaker, () -> {
                            attempts.incrementAndGet();
                            return attempt(body, series).whenComplete((ok, e) -> {
                                if (e != null) {
                                    lastCallFailure.set(unwrap(e));
                                }
                            });
                        }).get())
                .get()
                .whenComplete((outcomes, error) -> {
                    bulkhead.onComplete();
                    final long latencyMs = (System.nanoTime() - started) / 1_000_000;
                    if (error == null) {
                        result.complete(BatchResult.success(outcomes, latencyMs, attempts.get()));
                    } else {
                        // a retry refused by the breaker still failed because of the call before it
                        final Throwable refused = unwrap(error);
                        final Throwable cause = refused instanceof CallNotPermittedException
                                && lastCallFailure.get() != null ? lastCallFailure.get() : refused;
                        result.complete(BatchResult.failure(kindOf(cause), String.valueOf(cause.getMessage()),
                                latencyMs, attempts.get()));
                    }
                });
        return Optional.of(result);
    }

    private CompletableFuture<Map<String, SeriesOutcome>> attempt(final byte[] body, final List<SeriesInput> series) {
        final long started = System.nanoTime();
        return send(body, series).whenComplete((ok, e) -> metrics.request(role,
                e == null ? "ok" : statusOf(unwrap(e)), System.nanoTime() - started));
    }

    /** The request outcome as a bounded metric label: the failure kind without its detail. */
    static String statusOf(final Throwable e) {
        final String kind = kindOf(e);
        return kind.startsWith("invalid_payload") ? "invalid_payload" : kind;
    }

    private CompletableFuture<Map<String, SeriesOutcome>> send(final byte[] body, final List<SeriesInput> series) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(forecastUri)
                .timeout(Duration.ofMillis(settings.timeoutMs()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.apiKey() != null) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw ModelCallException.httpStatus(response.statusCode(), excerpt(response.body()));
                    }
                    return parse(response.body(), series);
                });
    }

    /**
     * The request as JSON, streamed rather than built as a tree: it runs on the stream thread and a full
     * request is 64 series of 288 timestamps and values.
     */
    byte[] requestBody(final List<SeriesInput> series) throws JsonProcessingException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + series.size() * 288 * 36);
        try (JsonGenerator g = mapper.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("model", settings.model());
            g.writeNumberField("horizon", settings.horizon());
            g.writeFieldName("quantiles");
            g.writeArray(settings.levels(), 0, settings.levels().length);
            g.writeArrayFieldStart("series");
            for (final SeriesInput s : series) {
                g.writeStartObject();
                g.writeStringField("id", s.id());
                g.writeStringField("freq", settings.freqAlias());
                g.writeFieldName("timestamps");
                g.writeRawValue(timestampsJson(s.timestamps()));
                g.writeArrayFieldStart("target");
                for (final double v : s.target()) {
                    // float precision: what the models compute in, half the digits to write and to parse
                    g.writeNumber((float) v);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (final JsonProcessingException e) {
            throw e;
        } catch (final IOException e) {
            throw new IllegalStateException("cannot write to memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The timestamps as a JSON array: every series of a cycle shares one grid (most often the very same
     * array), so it is encoded once and written raw.
     */
    private String timestampsJson(final String[] timestamps) throws JsonProcessingException {
        final EncodedGrid last = lastGrid.get();
        if (last != null && (last.timestamps() == timestamps || Arrays.equals(last.timestamps(), timestamps))) {
            return last.json();
        }
        final String json = mapper.writeValueAsString(timestamps);
        lastGrid.set(new EncodedGrid(timestamps, json));
        return json;
    }

    /** A grid and its JSON text; the array is never written to. */
    private record EncodedGrid(String[] timestamps, String json) {
    }

    Map<String, SeriesOutcome> parse(final byte[] body, final List<SeriesInput> series) {
        final JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (final IOException e) {
            throw ModelCallException.invalidPayload("malformed_json", e.getMessage());
        }
        final JsonNode forecasts = root == null ? null : root.get("forecasts");
        if (forecasts == null || !forecasts.isArray()) {
            throw ModelCallException.invalidPayload("missing_forecasts", "response has no forecasts array");
        }
        final Map<String, SeriesOutcome> byId = new HashMap<>();
        for (final JsonNode f : forecasts) {
            final JsonNode id = f.get("id");
            if (id == null || !id.isTextual()) {
                continue;
            }
            byId.put(id.asText(), validator.validate(quantilesOf(f.get("quantiles"))));
        }
        final Map<String, SeriesOutcome> outcomes = new HashMap<>();
        for (final SeriesInput s : series) {
            outcomes.put(s.id(), byId.getOrDefault(s.id(), SeriesOutcome.invalid(PayloadValidator.MISSING_SERIES)));
        }
        return outcomes;
    }

    private static Map<String, List<Double>> quantilesOf(final JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        final Map<String, List<Double>> out = new HashMap<>();
        node.properties().forEach(e -> {
            final JsonNode path = e.getValue();
            if (path == null || !path.isArray()) {
                out.put(e.getKey(), null);
                return;
            }
            final List<Double> values = new ArrayList<>(path.size());
            for (final JsonNode v : path) {
                values.add(v.isNumber() ? v.asDouble() : null);
            }
            out.put(e.getKey(), values);
        });
        return out;
    }

    static boolean retryable(final Throwable error) {
        final Throwable e = unwrap(error);
        if (e instanceof ModelCallException m) {
            return m.retryable();
        }
        return e instanceof IOException;
    }

    static String kindOf(final Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return "circuit_breaker_open";
        }
        if (e instanceof ModelCallException m) {
            return m.kind();
        }
        if (e instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (e instanceof ConnectException || e instanceof IOException) {
            return "connection";
        }
        return "unexpected";
    }

    static Throwable unwrap(final Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String excerpt(final byte[] body) {
        if (body == null) {
            return "";
        }
        final String s = new String(body, StandardCharsets.UTF_8);
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    @Override
    public String breakerState() {
        return stateName(breaker.getState());
    }

    static String stateName(final CircuitBreaker.State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> "open";
            case HALF_OPEN -> "half-open";
            default -> "closed";
        };
    }

    @Override
    public boolean breakerOpen() {
        final CircuitBreaker.State s = breaker.getState();
        return s == CircuitBreaker.State.OPEN || s == CircuitBreaker.State.FORCED_OPEN;
    }

    @Override
    public String modelName() {
        return settings.model();
    }

    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    public Retry retry() {
        return retry;
    }

    public Bulkhead bulkhead() {
        return bulkhead;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
