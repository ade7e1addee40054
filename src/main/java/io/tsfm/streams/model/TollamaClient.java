package io.tsfm.streams.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
    /** Writes request bodies and starts calls, in submission order; the bulkhead bounds its queue. */
    private final ExecutorService encoder;
    /**
     * Sends each attempt and runs what follows its answer (parsing, then the caller's callbacks). Not the JDK
     * client's {@code sendAsync}: that hands every answer to CompletableFuture's default executor, which on a
     * machine of two cores or fewer starts a new thread per answer (about 1,600 per 100,000-market cycle).
     */
    private final ExecutorService calls;

    private final URI forecastUri;

    private final ModelCallMeters metrics;
    private final String role;

    /**
     * @param role   {@link #ROLE_CURRENT}, {@link #ROLE_CANDIDATE} or {@link #ROLE_SHADOW}: each role has its own
     *               HTTP client, breaker, retry and bulkhead (Resilience4j name {@code tollama},
     *               {@code tollama-candidate}, {@code tollama-shadow}) and labels its metrics {@code client=<role>}
     * @param guards the application's Resilience4j registries, shared by its clients
     */
    public TollamaClient(
            final TollamaSettings settings, final ModelCallMeters metrics, final String role, final CallGuards guards) {
        this.settings = settings;
        this.metrics = metrics;
        this.role = role;
        this.forecastUri = URI.create(settings.baseUrl() + "/v1/forecast");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(settings.timeoutMs()))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("tollama-retry-" + role, false));
        this.encoder = Executors.newSingleThreadExecutor(daemonThreads("tollama-encoder-" + role, false));
        // twice the in-flight limit: a thread still running an answer's callbacks has already freed its slot; the
        // bulkhead bounds the queue (one task per attempt of a call in flight)
        final int callThreads = 2 * settings.maxInFlight();
        final ThreadPoolExecutor callPool = new ThreadPoolExecutor(
                callThreads,
                callThreads,
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                daemonThreads("tollama-call-" + role, true));
        callPool.allowCoreThreadTimeOut(true);
        this.calls = callPool;
        final CallGuards.Guards own =
                guards.of(ROLE_CURRENT.equals(role) ? BREAKER_NAME : BREAKER_NAME + "-" + role, settings);
        this.breaker = own.breaker();
        this.retry = own.retry();
        this.bulkhead = own.bulkhead();
        this.codec = new TollamaCodec(settings);
        breaker.getEventPublisher().onStateTransition(e -> {
            LOG.warn("tollama circuit breaker ({}, {}) {}", role, settings.model(), e.getStateTransition());
            metrics.breakerTransition(
                    role,
                    stateName(e.getStateTransition().getFromState()),
                    stateName(e.getStateTransition().getToState()));
        });
        metrics.breakerOpenGauge(role, this::breakerOpen);
        metrics.inflightGauge(
                role, () -> settings.maxInFlight() - bulkhead.getMetrics().getAvailableConcurrentCalls());
    }

    /** Daemon threads named {@code name}, or {@code name-1}, {@code name-2}, ... when {@code numbered}. */
    private static ThreadFactory daemonThreads(final String name, final boolean numbered) {
        final AtomicInteger created = new AtomicInteger();
        return r -> {
            final Thread t = new Thread(r, numbered ? name + "-" + created.incrementAndGet() : name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The seed's backoff: min(base * 2^(attempt-1), cap) + uniform jitter in [0, jitter]. */
    static IntervalFunction backoff(final TollamaSettings s) {
        return CallGuards.backoff(s);
    }

    /**
     * Takes an in-flight slot on the calling thread and does the rest on the client's encoder thread: the
     * request body (64 series of 288 timestamps and values by default) is written there, not on the stream
     * thread that adds the jobs, and then the call goes out. Requests leave in the order they were submitted.
     */
    @Override
    public Optional<CompletableFuture<BatchResult>> trySubmit(final List<SeriesInput> series) {
        if (!bulkhead.tryAcquirePermission()) {
            return Optional.empty();
        }
        metrics.batch(role, series.size());
        final CompletableFuture<BatchResult> result = new CompletableFuture<>();
        try {
            encoder.execute(() -> call(series, result));
        } catch (final RejectedExecutionException e) {
            bulkhead.onComplete();
            result.complete(BatchResult.failure("unexpected", "the model client is closed", 0, 0));
        }
        return Optional.of(result);
    }

    @Override
    public boolean slotFree() {
        return bulkhead.getMetrics().getAvailableConcurrentCalls() > 0;
    }

    private void call(final List<SeriesInput> series, final CompletableFuture<BatchResult> result) {
        final byte[] body;
        try {
            body = codec.requestBody(series);
        } catch (final JsonProcessingException | RuntimeException e) {
            bulkhead.onComplete();
            LOG.error("cannot encode a forecast request of {} series", series.size(), e);
            result.complete(BatchResult.failure("unexpected", "cannot encode the request: " + e.getMessage(), 0, 0));
            return;
        }
        final long started = System.nanoTime();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicReference<Throwable> lastCallFailure = new AtomicReference<>();
        // the breaker judges each attempt; the retry, outside it, tries again what is retryable
        Decorators.ofCompletionStage(() -> {
                    attempts.incrementAndGet();
                    return attempt(body, series).whenComplete((ok, e) -> {
                        if (e != null) {
                            lastCallFailure.set(CallFailures.unwrap(e));
                        }
                    });
                })
                .withCircuitBreaker(breaker)
                .withRetry(retry, scheduler)
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
    }

    private CompletableFuture<Map<String, SeriesOutcome>> attempt(final byte[] body, final List<SeriesInput> series) {
        final long started = System.nanoTime();
        return send(body, series)
                .whenComplete((ok, e) -> metrics.request(
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
        return CompletableFuture.supplyAsync(
                () -> {
                    final HttpResponse<byte[]> response = exchange(request.build());
                    if (response.statusCode() != 200) {
                        throw ModelCallException.httpStatus(
                                response.statusCode(), TollamaCodec.excerpt(response.body()));
                    }
                    return codec.parse(response.body(), series);
                },
                calls);
    }

    /** One blocking exchange on a call thread; its failure as the future's cause, as {@code sendAsync} gives it. */
    private HttpResponse<byte[]> exchange(final HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (final IOException e) {
            throw new CompletionException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
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
        encoder.shutdownNow();
        scheduler.shutdownNow();
        calls.shutdownNow();
    }
}
