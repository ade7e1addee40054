package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.FaultProfile;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import io.tsfm.streams.stream.serde.ForecastScoreSerde;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app is killed without warning mid-cycle, twice, while the model answers slowly; after the last
 * restart every (market, as_of) has exactly one committed forecast: pending jobs were re-issued from the
 * changelog, and the aborted transactions' outputs are invisible to read_committed consumers.
 */
class CrashRecoveryIT {
    private static final List<String> MARKETS = List.of("m-1", "m-2", "m-3", "m-4", "m-5", "m-6");

    @TempDir
    Path tmp;

    @Test
    void publishesExactlyOneForecastPerMarketAndBoundaryAcrossKills() throws Exception {
        final LocalForecasterOptions options = LocalForecasterOptions.builder()
                .port(0)
                .faultProfile(FaultProfile.builder().latencyMs(200).build())
                .build();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .dataDir(tmp.resolve("kafka"))
                        .start();
                LocalForecaster forecaster = LocalForecaster.start(options)) {
            broker.createTopics(3, ItSupport.APP_TOPICS);
            final Instant start = ItSupport.startHoursAgo(8);
            final Instant last =
                    ItSupport.produceMinuteTicks(broker.bootstrapServers(), "market-ticks", MARKETS, start, 6 * 60);
            final Map<String, Integer> expected = ItSupport.expected(MARKETS, ItSupport.boundaries(start, last));
            final Map<String, String> settings = ItSupport.appSettings(
                    broker.bootstrapServers(),
                    "crash-it",
                    forecaster.url(),
                    tmp.resolve("state").toString());
            settings.put("min.points.for.tsfm", "2");
            settings.put("tollama.max.in.flight", "1");
            settings.put("tollama.series.per.request", "4");
            settings.put("job.deadline.ms", "600000");
            settings.put("tollama.timeout.ms", "5000");
            // a killed member is only noticed after the session timeout; keep it at the broker's minimum
            settings.put("session.timeout.ms", "6000");
            settings.put("heartbeat.interval.ms", "1000");

            for (int run = 1; run <= 2; run++) {
                final AppProcess app = AppProcess.start(settings, tmp.resolve("app"), "run-" + run);
                final int seen = ItSupport.forecasts(broker.bootstrapServers(), expected.size() * run / 3 + 1)
                        .size();
                assertThat(seen).isLessThan(expected.size());
                app.kill();
            }
            try (AppProcess app = AppProcess.start(settings, tmp.resolve("app"), "run-3")) {
                ItSupport.forecasts(broker.bootstrapServers(), expected.size());
            } // SIGTERM: a clean close commits whatever is still open, so the topic is final now
            final List<ConsumerRecord<String, ForecastRecord>> all = ItSupport.readAll(
                    broker.bootstrapServers(), "tsfm-forecasts", new ForecastRecordSerde().deserializer());
            assertThat(ItSupport.countByMarketAndAsOf(all)).isEqualTo(expected);
            // every realised forecast scored exactly once, although scoring ran across the kills too
            final List<ConsumerRecord<String, ForecastScore>> scores = ItSupport.readAll(
                    broker.bootstrapServers(), "tsfm-forecast-scores", new ForecastScoreSerde().deserializer());
            assertThat(ItSupport.countScoresByMarketAndAsOf(scores))
                    .isEqualTo(ItSupport.realised(expected, ItSupport.boundaries(start, last)));
        }
    }
}
