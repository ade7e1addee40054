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
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exactly-once instance fenced mid-transaction (a zombie's transactional id taken over, as a rebalance
 * or a lost session does) redoes the aborted work: the processing counters count it twice, the committed
 * counters once, as the output topics hold it, and no gauge goes below zero.
 */
class FencedInstanceIT {
    private static final List<String> MARKETS = List.of("m-f1", "m-f2");
    private static final int MINUTES = 30;

    @TempDir
    Path tmp;

    @Test
    void committedCountersCountAFencedTransactionsWorkOnceAndGaugesStayAtZero() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .dataDir(tmp.resolve("kafka"))
                        .start();
                LocalForecaster forecaster = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            final String bootstrap = broker.bootstrapServers();
            broker.createTopics(1, Map.of(), ItSupport.APP_TOPICS);
            final Map<String, String> settings = ItSupport.appSettings(
                    bootstrap, "fenced", forecaster.url(), tmp.resolve("state").toString());
            // nothing commits before the fence, so its transaction holds all the work (and does not time out)
            settings.put("commit.interval.ms", "600000");
            settings.put("producer.transaction.timeout.ms", "900000");
            final int ticks = MARKETS.size() * MINUTES;
            final TsfmApp app = new TsfmApp(AppConfig.of(settings)).start();
            final TsfmMetrics metrics = app.metrics();
            try {
                await().atMost(ItSupport.STALL).until(() -> app.streams().state() == KafkaStreams.State.RUNNING);
                ItSupport.produceMinuteTicks(bootstrap, "market-ticks", MARKETS, ItSupport.startHoursAgo(1), MINUTES);
                await().atMost(ItSupport.STALL).until(() -> metrics.total(MetricNames.TICKS) >= ticks);
                assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isZero();

                fence(bootstrap, "fenced");
                // the app meets the fence at its next send: a dead letter's (each poll sends one more, until the
                // fenced send's error has come back and a later send throws it); the aborted work is then redone
                // from the last committed offsets, so every tick is processed twice
                await().atMost(ItSupport.STALL)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            produce(bootstrap, "m-f1", "not json");
                            return metrics.total(MetricNames.TICKS) >= 2.0 * ticks;
                        });
            } finally {
                app.close(); // a clean close commits
            }
            final List<ConsumerRecord<String, ForecastRecord>> forecasts =
                    ItSupport.readAll(bootstrap, "tsfm-forecasts", new ForecastRecordSerde().deserializer());
            final List<ConsumerRecord<String, String>> dlq =
                    ItSupport.readAll(bootstrap, "market-ticks-dlq", new StringDeserializer());
            assertThat(dlq).isNotEmpty();
            assertThat(metrics.total(MetricNames.TICKS)).isEqualTo(2.0 * ticks);
            assertThat(metrics.total(MetricNames.TICKS_COMMITTED)).isEqualTo(ticks);
            assertThat(metrics.count(MetricNames.DLQ_COMMITTED, "reason", "malformed_json"))
                    .isEqualTo((double) dlq.size());
            assertThat(forecasts).isNotEmpty();
            assertThat(metrics.total(MetricNames.FORECASTS_COMMITTED)).isEqualTo((double) forecasts.size());
            assertThat(metrics.total(MetricNames.FORECASTS)).isGreaterThan((double) forecasts.size());
            assertThat(metrics.pendingJobs()).isZero();
            assertThat(metrics.runningCycles()).isZero();
        }
    }

    /** Takes over the app's transactional id, as a new incarnation of a zombie would: its producer is fenced. */
    private static void fence(final String bootstrap, final String appId) throws Exception {
        final String transactionalId;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            transactionalId = admin.listTransactions().all().get().stream()
                    .map(TransactionListing::transactionalId)
                    .filter(id -> id.startsWith(appId))
                    .findFirst()
                    .orElseThrow();
        }
        final Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        try (KafkaProducer<String, String> zombie =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            zombie.initTransactions(); // aborts the app's open transaction and bumps the epoch
        }
    }

    private static void produce(final String bootstrap, final String key, final String value) throws Exception {
        final Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(
                            "market-ticks", null, Instant.now().toEpochMilli(), key, value))
                    .get();
        }
    }
}
