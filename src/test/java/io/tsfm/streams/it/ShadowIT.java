package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.FaultProfile;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollout candidate in shadow, on a real broker and real HTTP: its answers reach only
 * tsfm-shadow-forecasts, whether it is faster than the served model or hangs, and the served forecasts
 * are exactly those of a run without any rollout.
 */
class ShadowIT {
    private static final List<String> MARKETS = List.of("m-s1", "m-s2", "m-s3");

    @TempDir
    Path tmp;

    private Map<String, ForecastRecord> run(
            final EmbeddedKafkaBroker broker,
            final String appId,
            final Map<String, String> extra,
            final int expected,
            final String forecasts)
            throws Exception {
        try (LocalForecaster current = LocalForecaster.start(LocalForecasterOptions.builder()
                .port(0)
                .faultProfile(FaultProfile.builder().latencyMs(150).build())
                .build())) {
            final Map<String, String> settings = ItSupport.appSettings(
                    broker.bootstrapServers(),
                    appId,
                    current.url(),
                    tmp.resolve(appId).toString());
            settings.put("min.points.for.tsfm", "4");
            settings.put("topic.forecasts", forecasts);
            settings.putAll(extra);
            try (TsfmApp app = new TsfmApp(AppConfig.of(settings)).start()) {
                return ItSupport.readUntil(
                                broker.bootstrapServers(),
                                forecasts,
                                new ForecastRecordSerde().deserializer(),
                                l -> l.size() >= expected)
                        .stream()
                        .map(ConsumerRecord::value)
                        .collect(Collectors.toMap(f -> f.marketId() + "@" + f.asOfTs(), f -> f));
            }
        }
    }

    @Test
    void neverServesTheCandidateInShadowWhetherItIsFasterOrHangs() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .dataDir(tmp.resolve("kafka"))
                        .start();
                LocalForecaster fast = LocalForecaster.start(LocalForecasterOptions.ephemeral());
                LocalForecaster hanging = LocalForecaster.start(LocalForecasterOptions.builder()
                        .port(0)
                        .faultProfile(FaultProfile.preset("hang"))
                        .build())) {
            broker.createTopics(2, ItSupport.APP_TOPICS);
            broker.createTopics(2, "plain-forecasts", "fast-forecasts", "hang-forecasts", "fast-shadow", "hang-shadow");
            final Instant start = ItSupport.startHoursAgo(3);
            final Instant last =
                    ItSupport.produceMinuteTicks(broker.bootstrapServers(), "market-ticks", MARKETS, start, 90);
            final int expected = ItSupport.expected(MARKETS, ItSupport.boundaries(start, last))
                    .size();

            final Map<String, ForecastRecord> plain = run(broker, "shadow-none", Map.of(), expected, "plain-forecasts");
            final Map<String, ForecastRecord> withFast = run(
                    broker,
                    "shadow-fast",
                    Map.of(
                            "rollout.stage",
                            "shadow",
                            "rollout.candidate.model",
                            "local-ets-damped",
                            "rollout.candidate.url",
                            fast.url(),
                            "topic.shadow.forecasts",
                            "fast-shadow"),
                    expected,
                    "fast-forecasts");
            final Map<String, ForecastRecord> withHang = run(
                    broker,
                    "shadow-hang",
                    Map.of(
                            "rollout.stage",
                            "shadow",
                            "rollout.candidate.model",
                            "local-ets-damped",
                            "rollout.candidate.url",
                            hanging.url(),
                            "topic.shadow.forecasts",
                            "hang-shadow",
                            "tollama.timeout.ms",
                            "500"),
                    expected,
                    "hang-forecasts");

            assertThat(plain).hasSize(expected);
            for (final Map<String, ForecastRecord> served : List.of(withFast, withHang)) {
                assertThat(served).hasSize(expected).containsOnlyKeys(plain.keySet());
                served.forEach((k, f) -> {
                    assertThat(f.meta().modelName()).as(k).isIn("mock", "empirical_baseline");
                    assertThat(f.meta().rolloutStage()).isEqualTo("shadow");
                    assertThat(f.yhatQ().get("0.5"))
                            .as(k)
                            .containsExactly(plain.get(k).yhatQ().get("0.5"));
                    assertThat(f.meta().fallbackReason()).as(k).isIn(null, "too_few_points");
                });
            }
            final List<ForecastRecord> fastShadow = ItSupport.readAll(
                            broker.bootstrapServers(), "fast-shadow", new ForecastRecordSerde().deserializer())
                    .stream()
                    .map(ConsumerRecord::value)
                    .toList();
            assertThat(fastShadow).isNotEmpty().allSatisfy(f -> {
                assertThat(f.meta().modelName()).isEqualTo("local-ets-damped");
                assertThat(f.meta().routeReason()).isEqualTo("shadow");
            });
            final List<ForecastRecord> hangShadow = ItSupport.readAll(
                            broker.bootstrapServers(), "hang-shadow", new ForecastRecordSerde().deserializer())
                    .stream()
                    .map(ConsumerRecord::value)
                    .toList();
            // the hanging candidate times out until its own breaker opens: the served path never noticed
            assertThat(hangShadow)
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.meta().fallbackReason())
                            .isIn("deadline_exceeded", "tollama_error:timeout", "circuit_breaker_open"));
            assertThat(hangShadow.stream().map(f -> f.meta().fallbackReason())).contains("circuit_breaker_open");
        }
    }
}
