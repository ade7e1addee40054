package io.tsfm.streams.model;

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
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Resilience4j registries of one application, built once and bound to its meters once: each model client
 * (one per role) takes its breaker, retry and bulkhead from here, configured from its settings.
 */
public final class CallGuards {
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final RetryRegistry retries = RetryRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

    /** The guards of one client: a breaker inside a retry, and the bulkhead that bounds its calls in flight. */
    public record Guards(CircuitBreaker breaker, Retry retry, Bulkhead bulkhead) {}

    public CallGuards(final MeterRegistry meters) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    /**
     * New guards named {@code name}, made from {@code settings} (a name is taken once): a breaker that opens after the
     * threshold of consecutive failed attempts and closes only when every half-open probe succeeds; a retry
     * of retryable failures with the seed's backoff; a bulkhead that refuses at once when full.
     */
    public Guards of(final String name, final TollamaSettings settings) {
        if (breakers.find(name).isPresent()) {
            // one client per name: a second would share the first's state with its own settings ignored
            throw new IllegalStateException("call guards named " + name + " exist already");
        }
        final CircuitBreaker breaker = breakers.circuitBreaker(name, breakerConfig(settings));
        reopenOnAFailedProbe(breaker);
        final Retry retry = retries.retry(
                name,
                RetryConfig.custom()
                        .maxAttempts(settings.maxRetries() + 1)
                        .intervalFunction(backoff(settings))
                        .retryOnException(CallFailures::retryable)
                        .failAfterMaxAttempts(false)
                        .build());
        final Bulkhead bulkhead = bulkheads.bulkhead(
                name,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.maxInFlight())
                        .maxWaitDuration(Duration.ZERO)
                        .build());
        return new Guards(breaker, retry, bulkhead);
    }

    private static CircuitBreakerConfig breakerConfig(final TollamaSettings settings) {
        return CircuitBreakerConfig.custom()
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
                .build();
    }

    /**
     * All half-open probes must succeed to close: with a 100 % failure-rate threshold alone (which is what
     * opens a closed breaker after N consecutive failures), one success among the probes would close it, so
     * any failed probe reopens the breaker at once. The error event is published before the state records the
     * error, so the state seen here is the probing one.
     */
    private static void reopenOnAFailedProbe(final CircuitBreaker breaker) {
        breaker.getEventPublisher().onError(e -> {
            if (breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
                breaker.transitionToOpenState();
            }
        });
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
}
