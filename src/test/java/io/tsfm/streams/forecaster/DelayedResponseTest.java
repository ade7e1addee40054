package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Injected latency is served by a scheduler, not by parked worker threads. */
class DelayedResponseTest {

    @Test
    void delayedAnswersDoNotHoldWorkerThreads() {
        final LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.builder()
                .port(0)
                .workerThreads(2)
                .faultProfile(FaultProfile.builder().latencyMs(600_000).build())
                .build());
        final ForecasterHttp http = new ForecasterHttp(server.url());
        final List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                pending.add(http.client()
                        .sendAsync(
                                http.request("/v1/forecast")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                ForecasterHttp.mockRequest(1, null, 1.0)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> server.stats().forecastRequests() == 6);

            final HttpResponse<String> health = http.send(
                    http.request("/v1/health").timeout(Duration.ofSeconds(20)).GET());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(pending).noneMatch(CompletableFuture::isDone);
        } finally {
            server.close();
        }
        pending.forEach(f -> assertThat(f).failsWithin(Duration.ofSeconds(20)));
    }

    @Test
    void aDelayedAnswerIsCompletedFromAnotherThreadAfterTheHandlerReturned() {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.builder()
                .port(0)
                .workerThreads(1)
                .faultProfile(FaultProfile.builder().latencyMs(100).build())
                .build())) {
            final ForecasterHttp http = new ForecasterHttp(server.url());

            final HttpResponse<String> first = http.post("/api/forecast", ForecasterHttp.mockRequest(1, null, 1.0));
            final HttpResponse<String> second = http.post("/v1/forecast", ForecasterHttp.mockRequest(1, null, 2.0));

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body().split("\n")).hasSize(3);
            assertThat(ForecasterHttp.json(second)
                            .path("forecasts")
                            .get(0)
                            .path("mean")
                            .toString())
                    .isEqualTo("[2.0]");
        }
    }
}
