package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.model.license.ModelLicences;
import io.tsfm.streams.model.license.ModelRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model server is down when the app starts and comes up later: the app starts anyway, the baseline serves
 * with the reason, and model forecasts follow once the server answers, without a restart.
 */
class ModelServerLateIT {

    private static final List<String> MARKETS = List.of("m-a", "m-b");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsWithTheModelServerDownAndCallsTheModelOnceItsLicenceIsRead() throws Exception {
        final int port = ItSupport.closedPort();
        final String url = "http://127.0.0.1:" + port;
        final ModelRef model = ModelRef.of("mock", url);
        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.builder().dataDir(tmp.resolve("kafka")).start()) {
            broker.createTopics(2, ItSupport.APP_TOPICS);
            final Map<String, String> settings = ItSupport.appSettings(
                    broker.bootstrapServers(),
                    "licence-late-it",
                    url,
                    tmp.resolve("state").toString());
            settings.put("min.points.for.tsfm", "2");
            settings.put("model.license.recheck.ms", "100");
            settings.put("model.license.recheck.max.ms", "400");
            final AppConfig config = AppConfig.of(settings);
            final Instant start = ItSupport.startHoursAgo(2);
            final Instant phase1End =
                    ItSupport.produceMinuteTicks(broker.bootstrapServers(), "market-ticks", MARKETS, start, 40);
            final int phase1 = ItSupport.expected(MARKETS, ItSupport.boundaries(start, phase1End))
                    .size();

            final ModelLicences licences = ModelLicences.check(config);
            assertThat(licences.unverified()).containsExactly(model);
            try (TsfmApp app = new TsfmApp(config, licences).start()) {
                final List<ForecastRecord> first = sorted(ItSupport.forecasts(broker.bootstrapServers(), phase1));
                assertThat(first).allSatisfy(f -> assertThat(f.meta().runtime()).isEqualTo("baseline"));
                assertThat(first)
                        .extracting(f -> f.meta().fallbackReason())
                        .containsOnly("too_few_points", "model_licence_unverified")
                        .contains("model_licence_unverified");
                assertThat(get(app, "/health/ready"))
                        .isEqualTo("200 {\"status\":\"ready\"," + "\"models_licence_unverified\":[\"model 'mock' on "
                                + url + "\"]}");
                assertThat(licenceGauge(app, "unverified")).isEqualTo(1.0);
                assertThat(licenceGauge(app, "verified")).isEqualTo(0.0);

                try (LocalForecaster forecaster = LocalForecaster.start(
                        LocalForecasterOptions.builder().port(port).build())) {
                    await().atMost(ItSupport.STALL).until(() -> licences.state(model) == ModelLicences.State.VERIFIED);
                    assertThat(get(app, "/health/ready")).isEqualTo("200 {\"status\":\"ready\"}");
                    assertThat(licenceGauge(app, "verified")).isEqualTo(1.0);

                    // 20 more minutes: 4 more boundaries per market, served by the model
                    ItSupport.produceMinuteTicks(
                            broker.bootstrapServers(), "market-ticks", MARKETS, start.plus(Duration.ofMinutes(40)), 20);
                    final List<ForecastRecord> all =
                            sorted(ItSupport.forecasts(broker.bootstrapServers(), phase1 + 4 * MARKETS.size()));
                    assertThat(all.subList(phase1, all.size()))
                            .hasSize(4 * MARKETS.size())
                            .allSatisfy(f -> {
                                assertThat(f.meta().runtime()).isEqualTo("tollama");
                                assertThat(f.meta().fallbackUsed()).isFalse();
                            });
                    assertThat(forecaster.stats().faulted()).isZero();
                }
            }
        }
    }

    @Test
    void withTheCheckOverriddenTheModelIsCalledAgainOnceTheBreakersOpenWindowHasPassed() throws Exception {
        final int port = ItSupport.closedPort();
        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.builder().dataDir(tmp.resolve("kafka")).start()) {
            broker.createTopics(1, ItSupport.APP_TOPICS);
            final Map<String, String> settings = ItSupport.appSettings(
                    broker.bootstrapServers(),
                    "breaker-late-it",
                    "http://127.0.0.1:" + port,
                    tmp.resolve("state").toString());
            settings.put("min.points.for.tsfm", "2");
            settings.put("model.license.check.override", "true");
            settings.put("tollama.retry.max.retries", "0");
            settings.put("tollama.series.per.request", "1");
            settings.put("tollama.max.in.flight", "1");
            settings.put("breaker.open.ms", "1500");
            final AppConfig config = AppConfig.of(settings);
            final List<String> market = List.of("m-a");
            final Instant start = ItSupport.startHoursAgo(2);
            final Instant phase1End =
                    ItSupport.produceMinuteTicks(broker.bootstrapServers(), "market-ticks", market, start, 40);
            final int phase1 = ItSupport.boundaries(start, phase1End).size();

            try (TsfmApp app = new TsfmApp(config, ModelLicences.check(config)).start()) {
                final List<ForecastRecord> first = sorted(ItSupport.forecasts(broker.bootstrapServers(), phase1));
                // the model server refuses connections: five failed calls open the breaker
                assertThat(first)
                        .extracting(f -> f.meta().fallbackReason())
                        .containsExactly(
                                "too_few_points",
                                "tollama_error:connection",
                                "tollama_error:connection",
                                "tollama_error:connection",
                                "tollama_error:connection",
                                "tollama_error:connection",
                                "circuit_breaker_open");

                try (LocalForecaster forecaster = LocalForecaster.start(
                        LocalForecasterOptions.builder().port(port).build())) {
                    await().atMost(ItSupport.STALL)
                            .until(() -> app.client().breakerState().equals("half-open"));
                    ItSupport.produceMinuteTicks(
                            broker.bootstrapServers(), "market-ticks", market, start.plus(Duration.ofMinutes(40)), 20);
                    final List<ForecastRecord> all = sorted(ItSupport.forecasts(broker.bootstrapServers(), phase1 + 4));
                    assertThat(all.subList(phase1, phase1 + 4))
                            .allSatisfy(f -> assertThat(f.meta().runtime()).isEqualTo("tollama"));
                    assertThat(app.client().breakerState()).isEqualTo("closed");
                }
            }
        }
    }

    private static double licenceGauge(final TsfmApp app, final String state) {
        return app.registry()
                .get("tsfm.model.licence.state")
                .tags("client", "current", "model", "mock", "state", state)
                .gauge()
                .value();
    }

    private String get(final TsfmApp app, final String path) throws Exception {
        final HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.opsPort() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static List<ForecastRecord> sorted(final List<ConsumerRecord<String, ForecastRecord>> records) {
        return records.stream()
                .map(ConsumerRecord::value)
                .sorted(Comparator.comparing(ForecastRecord::asOfTs).thenComparing(ForecastRecord::marketId))
                .toList();
    }
}
