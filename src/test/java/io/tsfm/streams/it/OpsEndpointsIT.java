package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ops HTTP endpoints of running instances: metrics, health, topology, and key lookups across instances. */
class OpsEndpointsIT {
    private static final List<String> MARKETS = List.of("m-01", "m-02", "m-03", "m-04", "m-05", "m-06");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private HttpResponse<String> get(final int port, final String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int activeTasks(final TsfmApp app) {
        return app.streams().metadataForLocalThreads().stream()
                .mapToInt(t -> t.activeTasks().size())
                .sum();
    }

    private static int freePort() {
        return ItSupport.closedPort();
    }

    @Test
    void servesMetricsHealthTopologyAndEachMarketsLatestForecastFromEitherInstance() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .dataDir(tmp.resolve("kafka"))
                        .start();
                LocalForecaster forecaster = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            broker.createTopics(4, ItSupport.APP_TOPICS);
            final Instant start = ItSupport.startHoursAgo(4);
            final Instant last =
                    ItSupport.produceMinuteTicks(broker.bootstrapServers(), "market-ticks", MARKETS, start, 180);
            final int expected = ItSupport.expected(MARKETS, ItSupport.boundaries(start, last))
                    .size();
            final int portA = freePort();
            final int portB = freePort();
            final Map<String, String> a = ItSupport.appSettings(
                    broker.bootstrapServers(),
                    "ops-it",
                    forecaster.url(),
                    tmp.resolve("state-a").toString());
            a.put("ops.port", Integer.toString(portA));
            final Map<String, String> b = ItSupport.appSettings(
                    broker.bootstrapServers(),
                    "ops-it",
                    forecaster.url(),
                    tmp.resolve("state-b").toString());
            b.put("ops.port", Integer.toString(portB));
            try (TsfmApp appA = new TsfmApp(AppConfig.of(a)).start();
                    TsfmApp appB = new TsfmApp(AppConfig.of(b)).start()) {
                ItSupport.forecasts(broker.bootstrapServers(), expected);
                await().atMost(ItSupport.STALL)
                        .until(() -> appA.streams().state() == KafkaStreams.State.RUNNING
                                && appB.streams().state() == KafkaStreams.State.RUNNING
                                && get(portA, "/health/ready").statusCode() == 200
                                && get(portB, "/health/ready").statusCode() == 200);
                // both instances own tasks, so some lookups are answered locally and some are forwarded
                assertThat(activeTasks(appA)).isPositive();
                assertThat(activeTasks(appB)).isPositive();

                assertThat(get(portA, "/health/live").statusCode()).isEqualTo(200);
                final HttpResponse<String> topology = get(portA, "/topology");
                assertThat(topology.statusCode()).isEqualTo(200);
                assertThat(topology.body())
                        .contains("Processor: forecast (stores: [")
                        .contains("latest-forecast");

                for (final String market : MARKETS) {
                    for (final int port : List.of(portA, portB)) {
                        final HttpResponse<String> r = get(port, "/markets/" + market + "/forecast");
                        assertThat(r.statusCode()).as(market + " via " + port).isEqualTo(200);
                        final JsonNode f = Json.mapper().readTree(r.body());
                        assertThat(f.get("market_id").asText()).isEqualTo(market);
                        assertThat(Instant.parse(f.get("as_of_ts").asText()).toEpochMilli())
                                .isEqualTo(Math.floorDiv(last.toEpochMilli(), ItSupport.STEP_MS) * ItSupport.STEP_MS);
                    }
                }
                assertThat(get(portB, "/markets/nope/forecast").statusCode()).isEqualTo(404);

                final String metrics =
                        get(portA, "/metrics").body() + get(portB, "/metrics").body();
                assertThat(metrics)
                        .contains("tsfm_forecasts_total{rollout_stage=\"full_100\",runtime=\"tollama\"}")
                        .contains("tsfm_request_total{client=\"current\",rollout_stage=\"full_100\",status=\"ok\"}")
                        .contains("tsfm_request_duration_seconds_bucket{")
                        .contains("tsfm_fallback_total{reason=\"too_few_points\",rollout_stage=\"full_100\"}")
                        .contains("tsfm_cycle_duration_seconds_count")
                        .contains("tsfm_pending_jobs{rollout_stage=\"full_100\"} 0.0")
                        .contains("resilience4j_circuitbreaker_state{")
                        .contains("kafka_stream_")
                        .contains("jvm_memory_used_bytes");
            }
        }
    }
}
