package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.metrics.MetricNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real broker against the local forecaster over real HTTP, exactly-once; the committed
 * counters of the running instance agree with what its committed transactions hold.
 */
class ForecastPipelineIT {
    private static final List<String> MARKETS = List.of("m-001", "m-002", "m-003", "m-004");

    @TempDir
    Path tmp;

    @Test
    void givesEveryMarketOneModelForecastPerBoundaryOverMoreThanADay() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .dataDir(tmp.resolve("kafka"))
                        .start();
                LocalForecaster forecaster = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            broker.createTopics(3, ItSupport.APP_TOPICS);
            final Instant start = ItSupport.startHoursAgo(26);
            final Instant last =
                    ItSupport.produceMinuteTicks(broker.bootstrapServers(), "market-ticks", MARKETS, start, 26 * 60);
            final Map<String, Integer> expected = ItSupport.expected(MARKETS, ItSupport.boundaries(start, last));
            final AppConfig config = AppConfig.of(ItSupport.appSettings(
                    broker.bootstrapServers(),
                    "pipeline-it",
                    forecaster.url(),
                    tmp.resolve("state").toString()));
            try (TsfmApp app = new TsfmApp(config).start()) {
                final List<ConsumerRecord<String, ForecastRecord>> out =
                        ItSupport.forecasts(broker.bootstrapServers(), expected.size());
                assertThat(ItSupport.countByMarketAndAsOf(out)).isEqualTo(expected);
                for (final ConsumerRecord<String, ForecastRecord> r : out) {
                    final ForecastRecord f = r.value();
                    assertThat(r.key()).isEqualTo(f.marketId());
                    assertThat(r.timestamp())
                            .isEqualTo(Instant.parse(f.asOfTs()).toEpochMilli());
                    if (f.meta().inputLen() >= 32) {
                        assertThat(f.meta().runtime())
                                .as(f.marketId() + "@" + f.asOfTs())
                                .isEqualTo("tollama");
                        assertThat(f.meta().modelName()).isEqualTo("mock");
                    } else {
                        assertThat(f.meta().fallbackReason()).isEqualTo("too_few_points");
                    }
                    assertThat(f.meta().inputLen()).isLessThanOrEqualTo(288);
                }
                // the mock repeats the last input value: the median is the last closed step's price (to the
                // float precision at which values travel to the model)
                final ForecastRecord sample = out.stream()
                        .map(ConsumerRecord::value)
                        .filter(f -> f.marketId().equals("m-002") && f.meta().inputLen() == 288)
                        .findFirst()
                        .orElseThrow();
                final long asOf = Instant.parse(sample.asOfTs()).toEpochMilli();
                final int lastMinute = (int) ((asOf - start.toEpochMilli()) / 60_000L);
                assertThat(sample.yhatQ().get("0.5")[11])
                        .isCloseTo(ItSupport.price(1, lastMinute), org.assertj.core.data.Offset.offset(1e-6));
                assertThat(forecaster.stats().forecastRequests()).isLessThan(expected.size());

                // read while the app runs: the committed counters reach what readers see once the task runs on
                // after its commit (its next punctuation), and no further
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> app.metrics().total(MetricNames.FORECASTS_COMMITTED) >= out.size()
                                && app.metrics().total(MetricNames.TICKS_COMMITTED) >= MARKETS.size() * 26 * 60);
                assertThat(app.metrics().total(MetricNames.FORECASTS_COMMITTED)).isEqualTo((double) out.size());
                assertThat(app.metrics().total(MetricNames.TICKS_COMMITTED)).isEqualTo(MARKETS.size() * 26 * 60.0);
            }
        }
    }
}
