package io.tsfm.streams.ops.api;

import static io.tsfm.streams.config.ConfigKeys.API_RATE_LIMIT_PER_MINUTE;
import static io.tsfm.streams.config.ConfigKeys.API_TOKENS;
import static io.tsfm.streams.config.ConfigKeys.API_TOKENS_FILE;
import static io.tsfm.streams.config.ConfigKeys.FREQ;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.forecast.ForecastRecord;
import io.tsfm.streams.forecast.ForecastSettings;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.ops.TsfmMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /tsfm/forecast}, the seed runner's on-demand contract, on the ops server: 503 while no
 * usable token is configured, 401 without a valid token, 429 over the identity's rate, 413 for a body
 * over {@value #MAX_BODY_BYTES} bytes, 400 for invalid input, else 200 with the forecasts topic's record
 * plus {@code meta.cache_hit=false}. Errors are {@code {"detail": "..."}}, as the seed's FastAPI answers.
 *
 * <p>Requests run on a small pool of their own ({@value #WORKERS} threads, {@value #QUEUE} queued; beyond
 * that 503 with Retry-After), so requests waiting for the model never hold the ops server's threads that
 * answer /health and /metrics. Tokens and the Authorization header are never logged.
 */
public final class OnDemandApi implements HttpHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnDemandApi.class);

    public static final String PATH = "/tsfm/forecast";
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    static final int WORKERS = 4;
    static final int QUEUE = 32;

    private final ApiTokens tokens;
    private final RateLimiter limiter;
    private final OnDemandRequestParser parser;
    private final OnDemandForecaster forecaster;
    private final ThreadPoolExecutor executor;

    public OnDemandApi(final ApiTokens tokens, final RateLimiter limiter, final OnDemandRequestParser parser,
                       final OnDemandForecaster forecaster) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.parser = parser;
        this.forecaster = forecaster;
        this.executor = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    final Thread t = new Thread(r, "tsfm-api");
                    t.setDaemon(true);
                    return t;
                });
        if (tokens.enabled()) {
            LOG.info("on-demand API {} enabled for identities {}, {} requests per minute each", PATH,
                    tokens.identities(), limiter.perMinute());
        } else if (ApiTokens.NONE_CONFIGURED.equals(tokens.disabledReason())) {
            LOG.info("on-demand API {} disabled: {} (set TSFM_API_TOKENS or {})", PATH, tokens.disabledReason(),
                    API_TOKENS_FILE);
        } else {
            LOG.warn("on-demand API {} disabled: {}", PATH, tokens.disabledReason());
        }
    }

    /** The API of a running app: its settings, its model client (breaker and in-flight slots shared) and meters. */
    public static OnDemandApi create(final AppConfig config, final ModelClient client, final TsfmMetrics metrics) {
        final Password inline = config.getPassword(API_TOKENS);
        final String file = config.getString(API_TOKENS_FILE);
        final ApiTokens tokens = ApiTokens.load(inline == null ? null : inline.value(),
                file == null || file.isBlank() ? null : Path.of(file));
        return new OnDemandApi(tokens, new RateLimiter(config.getInt(API_RATE_LIMIT_PER_MINUTE)),
                new OnDemandRequestParser(config.getString(FREQ)),
                new OnDemandForecaster(ForecastSettings.from(config), client, metrics));
    }

    @Override
    public void handle(final HttpExchange ex) {
        try {
            executor.execute(() -> serve(ex));
        } catch (final RejectedExecutionException e) {
            ex.getResponseHeaders().set("Retry-After", "1");
            respond(ex, 503, detail("on-demand API busy: too many requests in progress"));
        }
    }

    private void serve(final HttpExchange ex) {
        try {
            if (!tokens.enabled()) {
                respond(ex, 503, detail("on-demand API disabled: " + tokens.disabledReason()));
                return;
            }
            final ApiTokens.Authentication auth = tokens.authenticate(
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("X-API-Key"));
            if (!auth.accepted()) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                respond(ex, 401, detail(auth.tokenGiven() ? "invalid API token" : "missing API token"));
                return;
            }
            final RateLimiter.Decision rate = limiter.tryAcquire(auth.identity());
            if (!rate.allowed()) {
                ex.getResponseHeaders().set("Retry-After", Long.toString(rate.retryAfterSeconds()));
                respond(ex, 429, detail("rate limit exceeded: " + limiter.perMinute() + " requests per minute"));
                return;
            }
            final byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                respond(ex, 413, detail("request body over " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            final OnDemandRequest request;
            try {
                request = parser.parse(body);
            } catch (final InvalidRequestException e) {
                respond(ex, 400, detail(e.getMessage()));
                return;
            }
            respond(ex, 200, responseBody(forecaster.forecast(request)));
        } catch (final IOException e) {
            LOG.debug("on-demand client went away: {}", e.getMessage());
            ex.close();
        } catch (final RuntimeException e) {
            LOG.warn("on-demand forecast failed", e);
            respond(ex, 500, detail("internal error"));
        }
    }

    /** The forecasts topic's record, plus the seed's {@code meta.cache_hit} (always false: no answer cache). */
    static String responseBody(final ForecastRecord record) throws JsonProcessingException {
        final ObjectNode root = Json.mapper().valueToTree(record);
        ((ObjectNode) root.get("meta")).put("cache_hit", false);
        return Json.mapper().writeValueAsString(root);
    }

    private static String detail(final String message) {
        return Json.mapper().createObjectNode().put("detail", message).toString();
    }

    private static void respond(final HttpExchange ex, final int status, final String json) {
        try (ex) {
            final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (final IOException e) {
            LOG.debug("on-demand client went away: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
