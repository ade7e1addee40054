package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.CalibrationMeta;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.replay.ReplayRequest;
import io.tsfm.streams.replay.Replayer;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import io.tsfm.streams.stream.serde.ForecastScoreSerde;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay of a time range reprocesses the tick topic into prefixed topics with a fresh application id,
 * gives the same forecasts the live app gave for that range, and leaves the live app's outputs alone.
 */
class ReplayIT {
    private static final List<String> MARKETS = List.of("m-r1", "m-r2", "m-r3");

    @TempDir
    Path tmp;

    @Test
    void reproducesTheLiveForecastsOfARangeIntoSeparateTopics() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .dataDir(tmp.resolve("kafka"))
                        .start();
                LocalForecaster forecaster = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            broker.createTopics(2, ItSupport.APP_TOPICS);
            final Instant start = ItSupport.startHoursAgo(6);
            final Instant last =
                    ItSupport.produceMinuteTicks(broker.bootstrapServers(), "market-ticks", MARKETS, start, 300);
            final int liveExpected = ItSupport.expected(MARKETS, ItSupport.boundaries(start, last))
                    .size();
            final Map<String, String> settings = ItSupport.appSettings(
                    broker.bootstrapServers(),
                    "replay-live",
                    forecaster.url(),
                    tmp.resolve("live-state").toString());
            settings.put("min.points.for.tsfm", "8");
            // three markets fill each calibrator cell (activity, last move, band shape, step, side) slowly: serve
            // calibration early, so the comparison below covers calibrated bands
            settings.put("calibration.min.samples", "10");
            final List<ConsumerRecord<String, ForecastRecord>> live;
            try (TsfmApp app = new TsfmApp(AppConfig.of(settings)).start()) {
                live = ItSupport.forecasts(broker.bootstrapServers(), liveExpected);
            }

            final Instant from = start.plus(Duration.ofHours(2)).minusSeconds(30); // a boundary
            final Instant to = from.plus(Duration.ofHours(2));
            final Map<String, String> replaySettings = new HashMap<>(settings);
            replaySettings.put("state.dir", tmp.resolve("replay-state").toString());
            final ByteArrayOutputStream log = new ByteArrayOutputStream();
            final long published = new Replayer(
                            AppConfig.of(replaySettings),
                            new ReplayRequest(
                                    from, to, "bt-", "replay-bt-1", Duration.ofHours(25), Duration.ofMinutes(30)),
                            new PrintStream(log, true))
                    .run();

            final int rangeBoundaries = 25; // from .. to inclusive, every 5 minutes
            assertThat(published).isEqualTo(3L * rangeBoundaries);
            final List<ConsumerRecord<String, ForecastRecord>> replayed = ItSupport.readAll(
                    broker.bootstrapServers(), "bt-tsfm-forecasts", new ForecastRecordSerde().deserializer());
            assertThat(ItSupport.countByMarketAndAsOf(replayed))
                    .hasSize(3 * rangeBoundaries)
                    .containsOnlyKeys(ItSupport.expected(MARKETS, boundariesBetween(from, to))
                            .keySet());
            final Map<String, ForecastRecord> liveByKey = live.stream()
                    .map(ConsumerRecord::value)
                    .collect(Collectors.toMap(f -> f.marketId() + "@" + f.asOfTs(), f -> f));
            for (final ConsumerRecord<String, ForecastRecord> r : replayed) {
                final ForecastRecord again = r.value();
                final ForecastRecord first = liveByKey.get(again.marketId() + "@" + again.asOfTs());
                assertThat(again.meta().runtime()).isEqualTo(first.meta().runtime());
                assertThat(again.meta().inputLen()).isEqualTo(first.meta().inputLen());
                for (final String q : List.of("0.1", "0.5", "0.9")) {
                    assertThat(again.yhatQ().get(q))
                            .as(again.marketId() + "@" + again.asOfTs() + " q" + q)
                            .containsExactly(first.yhatQ().get(q));
                }
                // the warm-up rebuilt the calibration from the ticks: same segment, scales and samples
                assertThat(again.meta().calibration())
                        .usingRecursiveComparison()
                        .isEqualTo(first.meta().calibration());
            }
            assertThat(replayed.stream().map(r -> r.value().meta().calibration().status()))
                    .as("calibration is served in the range, so the comparison above covers calibrated bands")
                    .contains(CalibrationMeta.APPLIED);
            // scores: the replay scores its range's forecasts as the live app did
            final Map<String, ForecastScore> liveScores = ItSupport.readAll(
                            broker.bootstrapServers(), "tsfm-forecast-scores", new ForecastScoreSerde().deserializer())
                    .stream()
                    .map(ConsumerRecord::value)
                    .collect(Collectors.toMap(f -> f.marketId() + "@" + f.asOfTs(), f -> f));
            final List<ConsumerRecord<String, ForecastScore>> replayedScores = ItSupport.readAll(
                    broker.bootstrapServers(), "bt-tsfm-forecast-scores", new ForecastScoreSerde().deserializer());
            assertThat(replayedScores).isNotEmpty();
            for (final ConsumerRecord<String, ForecastScore> r : replayedScores) {
                final ForecastScore again = r.value();
                assertThat(Instant.parse(again.asOfTs())).isBetween(from, to);
                assertThat(again)
                        .usingRecursiveComparison()
                        .isEqualTo(liveScores.get(again.marketId() + "@" + again.asOfTs()));
            }
            assertThat(ItSupport.readAll(
                            broker.bootstrapServers(), "tsfm-forecasts", new ForecastRecordSerde().deserializer()))
                    .hasSize(liveExpected);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get())
                        .contains("bt-tsfm-forecasts", "bt-tsfm-fallback-events", "bt-market-ticks-dlq");
                assertThat(admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "bt-tsfm-forecasts")))
                                .all()
                                .get()
                                .values()
                                .iterator()
                                .next()
                                .get("retention.ms")
                                .value())
                        .isEqualTo("-1");
            }
        }
    }

    private static List<Long> boundariesBetween(final Instant from, final Instant to) {
        final List<Long> out = new java.util.ArrayList<>();
        for (long b = from.toEpochMilli(); b <= to.toEpochMilli(); b += ItSupport.STEP_MS) {
            out.add(b);
        }
        return out;
    }
}
