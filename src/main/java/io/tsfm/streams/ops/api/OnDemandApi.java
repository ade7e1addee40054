package io.tsfm.streams.ops.api;

import static io.tsfm.streams.config.ConfigKeys.API_RATE_LIMIT_PER_MINUTE;
import static io.tsfm.streams.config.ConfigKeys.API_TOKENS;
import static io.tsfm.streams.config.ConfigKeys.API_TOKENS_FILE;
import static io.tsfm.streams.config.ConfigKeys.FREQ;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.ops.http.WebEndpoint;
import io.tsfm.streams.ops.http.WebReply;
import io.tsfm.streams.ops.http.WebRequest;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /tsfm/forecast}, the seed runner's on-demand contract, on the ops server: 503 while no
 * usable token is configured, 401 without a valid token, 429 over the identity's rate or after too many
 * failed authentications from one client address ({@value #AUTH_FAILURES_PER_MINUTE} a minute, with
 * {@code Retry-After}), 413 for a body over the server's limit, 400 for invalid input, else 200 with the
 * forecasts topic's record plus {@code meta.cache_hit=false}. Errors are {@code {"detail": "..."}}, as the
 * seed's FastAPI answers.
 *
 * <p>Requests run on a small pool of their own ({@value #WORKERS} threads, {@value #QUEUE} queued; beyond
 * that 503 with Retry-After), so requests waiting for the model never hold the ops server's threads that
 * answer /health and /metrics. Tokens and the Authorization header are never logged.
 */
public final class OnDemandApi implements WebEndpoint, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnDemandApi.class);

    public static final String PATH = "/tsfm/forecast";
    /** Failed authentications one client address may make per minute before it gets 429. */
    public static final int AUTH_FAILURES_PER_MINUTE = 10;

    static final int WORKERS = 4;
    static final int QUEUE = 32;

    private final ApiTokens tokens;
    private final RateLimiter limiter;
    private final RateLimiter authFailures;
    private final OnDemandRequestParser parser;
    private final OnDemandForecaster forecaster;
    private final ThreadPoolExecutor executor;

    public OnDemandApi(
            final ApiTokens tokens,
            final RateLimiter limiter,
            final RateLimiter authFailures,
            final OnDemandRequestParser parser,
            final OnDemandForecaster forecaster) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.authFailures = authFailures;
        this.parser = parser;
        this.forecaster = forecaster;
        this.executor =
                new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                    final Thread t = new Thread(r, "tsfm-api");
                    t.setDaemon(true);
                    return t;
                });
        if (tokens.enabled()) {
            LOG.info(
                    "on-demand API {} enabled for identities {}, {} requests per minute each",
                    PATH,
                    tokens.identities(),
                    limiter.perMinute());
        } else if (ApiTokens.NONE_CONFIGURED.equals(tokens.disabledReason())) {
            LOG.info(
                    "on-demand API {} disabled: {} (set TSFM_API_TOKENS or {})",
                    PATH,
                    tokens.disabledReason(),
                    API_TOKENS_FILE);
        } else {
            LOG.warn("on-demand API {} disabled: {}", PATH, tokens.disabledReason());
        }
    }

    /** The API of a running app: its settings, its model client (breaker and in-flight slots shared) and meters. */
    public static OnDemandApi create(final AppConfig config, final ModelClient client, final TsfmMetrics metrics) {
        final Password inline = config.getPassword(API_TOKENS);
        final String file = config.getString(API_TOKENS_FILE);
        final ApiTokens tokens = ApiTokens.load(
                inline == null ? null : inline.value(), file == null || file.isBlank() ? null : Path.of(file));
        return new OnDemandApi(
                tokens,
                new RateLimiter(config.getInt(API_RATE_LIMIT_PER_MINUTE)),
                new RateLimiter(AUTH_FAILURES_PER_MINUTE),
                new OnDemandRequestParser(config.getString(FREQ)),
                new OnDemandForecaster(config.forecastSettings(), client, metrics));
    }

    @Override
    public CompletionStage<WebReply> handle(final WebRequest request) {
        try {
            return CompletableFuture.supplyAsync(() -> serve(request), executor);
        } catch (final RejectedExecutionException e) {
            return CompletableFuture.completedFuture(
                    WebReply.detail(503, "on-demand API busy: too many requests in progress")
                            .withHeader("Retry-After", "1"));
        }
    }

    WebReply serve(final WebRequest request) {
        try {
            if (!tokens.enabled()) {
                return WebReply.detail(503, "on-demand API disabled: " + tokens.disabledReason());
            }
            final String address = request.remoteAddress();
            final RateLimiter.Decision blocked = authFailures.peek(address);
            if (!blocked.allowed()) {
                return tooManyFailures(blocked);
            }
            final ApiTokens.Authentication auth =
                    tokens.authenticate(request.header("Authorization"), request.header("X-API-Key"));
            if (!auth.accepted()) {
                final RateLimiter.Decision failure = authFailures.tryAcquire(address);
                if (!failure.allowed()) {
                    return tooManyFailures(failure);
                }
                return WebReply.detail(401, auth.tokenGiven() ? "invalid API token" : "missing API token")
                        .withHeader("WWW-Authenticate", "Bearer");
            }
            final RateLimiter.Decision rate = limiter.tryAcquire(auth.identity());
            if (!rate.allowed()) {
                return WebReply.detail(429, "rate limit exceeded: " + limiter.perMinute() + " requests per minute")
                        .withHeader("Retry-After", Long.toString(rate.retryAfterSeconds()));
            }
            final OnDemandRequest parsed;
            try {
                parsed = parser.parse(request.body());
            } catch (final InvalidRequestException e) {
                return WebReply.detail(400, e.getMessage());
            }
            return WebReply.json(200, responseBody(forecaster.forecast(parsed)));
        } catch (final JsonProcessingException | RuntimeException e) {
            LOG.warn("on-demand forecast failed", e);
            return WebReply.detail(500, "internal error");
        }
    }

    private WebReply tooManyFailures(final RateLimiter.Decision decision) {
        return WebReply.detail(
                        429,
                        "too many failed authentications from this address: at most " + AUTH_FAILURES_PER_MINUTE
                                + " a minute")
                .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }

    /** The forecasts topic's record, plus the seed's {@code meta.cache_hit} (always false: no answer cache). */
    static String responseBody(final ForecastRecord record) throws JsonProcessingException {
        final ObjectNode root = Json.mapper().valueToTree(record);
        ((ObjectNode) root.get("meta")).put("cache_hit", false);
        return Json.mapper().writeValueAsString(root);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
