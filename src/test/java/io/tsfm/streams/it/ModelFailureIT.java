package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.FaultProfile;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dead or failing model server: every market still gets its forecast, from the baseline, with the reason. */
class ModelFailureIT {

    @TempDir
    Path tmp;

    @Test
    void servesBaselineForecastsAndFallbackEventsWhenTheModelIsDown() throws Exception {
        final List<String> markets = List.of("m-a", "m-b");
        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.builder().dataDir(tmp.resolve("kafka")).start()) {
            broker.createTopics(2, ItSupport.APP_TOPICS);
            final String deadUrl = "http://127.0.0.1:" + ItSupport.closedPort();
            final Map<String, String> settings = ItSupport.appSettings(
                    broker.bootstrapServers(),
                    "model-down-it",
                    deadUrl,
                    tmp.resolve("state").toString());
            settings.put("min.points.for.tsfm", "2");
            final Instant start = ItSupport.startHoursAgo(3);
            final Instant last =
                    ItSupport.produceMinuteTicks(broker.bootstrapServers(), "market-ticks", markets, start, 120);
            final Map<String, Integer> expected = ItSupport.expected(markets, ItSupport.boundaries(start, last));
            final AppConfig config = AppConfig.of(settings);
            try (TsfmApp app = new TsfmApp(config).start()) {
                final List<ConsumerRecord<String, ForecastRecord>> out =
                        ItSupport.forecasts(broker.bootstrapServers(), expected.size());
                assertThat(ItSupport.countByMarketAndAsOf(out)).isEqualTo(expected);
                assertThat(out).allSatisfy(r -> {
                    assertThat(r.value().meta().runtime()).isEqualTo("baseline");
                    assertThat(r.value().meta().fallbackUsed()).isTrue();
                    assertThat(r.value().meta().fallbackReason())
                            .isIn("too_few_points", "tollama_error:connection", "circuit_breaker_open");
                });
                assertThat(out)
                        .anySatisfy(r ->
                                assertThat(r.value().meta().fallbackReason()).isEqualTo("tollama_error:connection"));
                assertThat(out)
                        .anySatisfy(r ->
                                assertThat(r.value().meta().fallbackReason()).isEqualTo("circuit_breaker_open"));
                final List<ConsumerRecord<String, FallbackEvent>> events =
                        ItSupport.fallbacks(broker.bootstrapServers(), expected.size());
                final Map<String, String> reasonByForecast = new HashMap<>();
                out.forEach(r -> reasonByForecast.put(
                        r.value().marketId() + "@" + r.value().asOfTs(),
                        r.value().meta().fallbackReason()));
                final Map<String, String> reasonByEvent = new HashMap<>();
                events.forEach(r -> reasonByEvent.put(
                        r.value().marketId() + "@" + r.value().asOfTs(),
                        r.value().reason()));
                assertThat(reasonByEvent).isEqualTo(reasonByForecast);
                assertThat(events).hasSize(expected.size());
            }
        }
    }

    @Test
    void opensTheBreakerAfterFiveConsecutiveFailuresAndClosesItThroughProbes() throws Exception {
        final List<String> markets = List.of("m-a");
        final LocalForecasterOptions options = LocalForecasterOptions.builder()
                .port(0)
                .faultProfile(
                        FaultProfile.builder().failFirstN(5).errorStatus(503).build())
                .build();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .dataDir(tmp.resolve("kafka"))
                        .start();
                LocalForecaster forecaster = LocalForecaster.start(options)) {
            broker.createTopics(1, ItSupport.APP_TOPICS);
            final Map<String, String> settings = ItSupport.appSettings(
                    broker.bootstrapServers(),
                    "breaker-it",
                    forecaster.url(),
                    tmp.resolve("state").toString());
            settings.put("min.points.for.tsfm", "2");
            settings.put("tollama.retry.max.retries", "0");
            settings.put("tollama.series.per.request", "1");
            settings.put("tollama.max.in.flight", "1");
            settings.put("breaker.open.ms", "1500");
            settings.put("job.deadline.ms", "20000");
            final AppConfig config = AppConfig.of(settings);
            final Instant start = ItSupport.startHoursAgo(2);
            // phase 1: 40 minutes of ticks -> 7 boundaries; the first has 1 step, the other 6 call the model one by one
            final Instant phase1End =
                    ItSupport.produceMinuteTicks(broker.bootstrapServers(), "market-ticks", markets, start, 40);
            final int phase1 = ItSupport.boundaries(start, phase1End).size();
            try (TsfmApp app = new TsfmApp(config).start()) {
                final List<ForecastRecord> first = sorted(ItSupport.forecasts(broker.bootstrapServers(), phase1));
                assertThat(first)
                        .extracting(f -> f.meta().fallbackReason())
                        .containsExactly(
                                "too_few_points",
                                "tollama_error:http_503",
                                "tollama_error:http_503",
                                "tollama_error:http_503",
                                "tollama_error:http_503",
                                "tollama_error:http_503",
                                "circuit_breaker_open");
                assertThat(app.client().breakerState()).isIn("open", "half-open");
                await().atMost(ItSupport.STALL)
                        .until(() -> app.client().breakerState().equals("half-open"));

                // phase 2: 20 more minutes -> 4 more boundaries, the first two are the probes
                ItSupport.produceMinuteTicks(
                        broker.bootstrapServers(), "market-ticks", markets, start.plus(Duration.ofMinutes(40)), 20);
                final List<ForecastRecord> all = sorted(ItSupport.forecasts(broker.bootstrapServers(), phase1 + 4));
                assertThat(all.subList(phase1, phase1 + 4)).allSatisfy(f -> {
                    assertThat(f.meta().runtime()).isEqualTo("tollama");
                    assertThat(f.meta().fallbackUsed()).isFalse();
                });
                assertThat(app.client().breakerState()).isEqualTo("closed");
                assertThat(forecaster.stats().faulted()).isEqualTo(5);
            }
        }
    }

    private static List<ForecastRecord> sorted(final List<ConsumerRecord<String, ForecastRecord>> records) {
        return records.stream()
                .map(ConsumerRecord::value)
                .sorted(Comparator.comparing(ForecastRecord::asOfTs))
                .toList();
    }
}
