package io.tsfm.streams.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.ops.http.WebReply;
import io.tsfm.streams.ops.http.WebRequest;
import io.tsfm.streams.stream.StubModelClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The on-demand API's answers before the forecast: tokens, failed-authentication limit per address. */
class OnDemandApiTest {
    private static final String TOKEN = "modeler-3b7e1f90c2d4a856";
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final OnDemandApi api = new OnDemandApi(
            ApiTokens.load("modeler:" + TOKEN, null),
            new RateLimiter(60),
            new RateLimiter(OnDemandApi.AUTH_FAILURES_PER_MINUTE, nanos::get),
            new OnDemandRequestParser("5m"),
            new OnDemandForecaster(
                    AppConfig.of(Map.of()).forecastSettings(),
                    new StubModelClient(new double[] {0.1, 0.5, 0.9}, 12),
                    TsfmMetrics.inMemory()));

    @AfterEach
    void close() {
        api.close();
    }

    private WebReply call(final String address, final String token) {
        return api.serve(new WebRequest(
                "POST",
                OnDemandApi.PATH,
                Map.of(),
                null,
                name -> "Authorization".equals(name) && token != null ? "Bearer " + token : null,
                "{}".getBytes(StandardCharsets.UTF_8),
                address));
    }

    @Test
    void answersTooManyFailedAuthenticationsFromOneAddressWith429AndRetryAfter() {
        for (int i = 0; i < OnDemandApi.AUTH_FAILURES_PER_MINUTE; i++) {
            assertThat(call("10.0.0.1", "wrong-token-0123456789abcdef").status())
                    .as("failure " + (i + 1))
                    .isEqualTo(401);
        }
        final WebReply blocked = call("10.0.0.1", "wrong-token-0123456789abcdef");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.headers()).containsEntry("Retry-After", "6");
        assertThat(blocked.bodyText()).startsWith("{\"detail\":\"too many failed authentications");
        // the valid token from that address waits too; another address is not affected
        assertThat(call("10.0.0.1", TOKEN).status()).isEqualTo(429);
        assertThat(call("10.0.0.2", "wrong-token-0123456789abcdef").status()).isEqualTo(401);
        // a failure's token is back after 60 s / 10
        nanos.addAndGet(6_000_000_000L);
        assertThat(call("10.0.0.1", TOKEN).status()).isEqualTo(400);
    }
}
