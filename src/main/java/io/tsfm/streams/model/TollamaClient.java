package io.tsfm.streams.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.tsfm.streams.metrics.TsfmMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    private final TollamaCodec codec;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final ScheduledExecutorService scheduler;
    private final URI forecastUri;

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
                .recordException(e -> !(CallFailures.unwrap(e) instanceof CallNotPermittedException))
                .build());
        this.breaker = breakers.circuitBreaker(name);
        final RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxRetries() + 1)
                .intervalFunction(backoff(settings))
                .retryOnException(CallFailures::retryable)
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
        this.codec = new TollamaCodec(settings);
        breaker.getEventPublisher().onStateTransition(e -> {
            LOG.warn("tollama circuit breaker ({}, {}) {}", role, settings.model(), e.getStateTransition());
            metrics.model()
                    .breakerTransition(
                            role,
                            stateName(e.getStateTransition().getFromState()),
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
        metrics.model().breakerOpenGauge(role, this::breakerOpen);
        metrics.model()
                .inflightGauge(
                        role,
                        () -> settings.maxInFlight() - bulkhead.getMetrics().getAvailableConcurrentCalls());
    }

    /** The seed's backoff: min(base * 2^(attempt-1), cap) + uniform jitter in [0, jitter]. */
    static IntervalFunction backoff(final TollamaSettings s) {
        return attempt -> {
            final double exp = (double) s.backoffMs() * Math.pow(2, Math.max(0, attempt - 1));
            final long base = (long) Math.min(exp, (double) s.backoffMaxMs());
            final long jitter =
                    s.jitterMs() == 0 ? 0 : ThreadLocalRandom.current().nextLong(s.jitterMs() + 1);
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
            body = codec.requestBody(series);
        } catch (final JsonProcessingException e) {
            bulkhead.onComplete();
            throw new IllegalStateException("cannot encode a forecast request", e);
        }
        metrics.model().batch(role, series.size());
        final long started = System.nanoTime();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicReference<Throwable> lastCallFailure = new AtomicReference<>();
        final CompletableFuture<BatchResult> result = new CompletableFuture<>();
        Retry.decorateCompletionStage(
                        retry,
                        scheduler,
                        () -> CircuitBreaker.decorateCompletionStage(breaker, () -> {
                                    attempts.incrementAndGet();
                                    return attempt(body, series).whenComplete((ok, e) -> {
                                        if (e != null) {
                                            lastCallFailure.set(CallFailures.unwrap(e));
                                        }
                                    });
                                })
                                .get())
                .get()
                .whenComplete((outcomes, error) -> {
                    bulkhead.onComplete();
                    final long latencyMs = (System.nanoTime() - started) / 1_000_000;
                    if (error == null) {
                        result.complete(BatchResult.success(outcomes, latencyMs, attempts.get()));
                    } else {
                        // a retry refused by the breaker still failed because of the call before it
                        final Throwable refused = CallFailures.unwrap(error);
                        final Throwable cause =
                                refused instanceof CallNotPermittedException && lastCallFailure.get() != null
                                        ? lastCallFailure.get()
                                        : refused;
                        result.complete(BatchResult.failure(
                                CallFailures.kindOf(cause),
                                String.valueOf(cause.getMessage()),
                                latencyMs,
                                attempts.get()));
                    }
                });
        return Optional.of(result);
    }

    private CompletableFuture<Map<String, SeriesOutcome>> attempt(final byte[] body, final List<SeriesInput> series) {
        final long started = System.nanoTime();
        return send(body, series)
                .whenComplete((ok, e) -> metrics.model()
                        .request(
                                role,
                                e == null ? "ok" : CallFailures.statusOf(CallFailures.unwrap(e)),
                                System.nanoTime() - started));
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
                        throw ModelCallException.httpStatus(
                                response.statusCode(), TollamaCodec.excerpt(response.body()));
                    }
                    return codec.parse(response.body(), series);
                });
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
