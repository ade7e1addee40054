package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.app.TopicSetup;
import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.replay.ReplayConfig;
import io.tsfm.streams.replay.ReplayRequest;
import io.tsfm.streams.replay.Replayer;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay of ticks from ten days ago, on a broker that enforces retention every second: the step store's
 * changelog keeps every step (its event timestamps are far older than Kafka Streams' derived 49 h), so an
 * instance restarted mid-replay with its state directory gone restores the same contexts and publishes
 * exactly the forecasts of an uninterrupted replay.
 */
class OldDataReplayIT {
    private static final List<String> MARKETS = List.of("m-o1", "m-o2", "m-o3", "m-o4");

    @TempDir
    Path tmp;

    @Test
    void aReplayOfTenDayOldTicksRestartedWithoutItsStateGivesTheForecastsOfAnUninterruptedOne() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .dataDir(tmp.resolve("kafka"))
                        .property("log.retention.check.interval.ms", "1000")
                        .start();
                LocalForecaster forecaster = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            final String bootstrap = broker.bootstrapServers();
            broker.createTopics(2, Map.of("retention.ms", "-1"), ItSupport.APP_TOPICS);
            final Instant start = ItSupport.startHoursAgo(24 * 10 + 6);
            final Instant last = ItSupport.produceMinuteTicks(bootstrap, "market-ticks", MARKETS, start, 360);
            final List<Long> boundaries = ItSupport.boundaries(start, last);
            final Instant from = Instant.ofEpochMilli(boundaries.get(0));
            final Map<String, Integer> expected = ItSupport.expected(MARKETS, boundaries);
            final Map<String, String> live = ItSupport.appSettings(
                    bootstrap, "old", forecaster.url(), tmp.resolve("state-a").toString());
            live.put("min.points.for.tsfm", "8");
            live.put("cycle.slice.markets", "1"); // every cycle in slices: a restart may land between two

            final long published = new Replayer(
                            AppConfig.of(live),
                            request(from, "a-", "old-a"),
                            new PrintStream(new ByteArrayOutputStream(), true))
                    .run();
            assertThat(published).isEqualTo(expected.size());
            final Map<String, ForecastRecord> uninterrupted =
                    byKey(ItSupport.readAll(bootstrap, "a-tsfm-forecasts", new ForecastRecordSerde().deserializer()));

            live.put("state.dir", tmp.resolve("state-b").toString());
            final AppConfig b =
                    ReplayConfig.derive(AppConfig.of(live), request(from, "b-", "old-b"), System.currentTimeMillis());
            TopicSetup.ensure(b);
            try (TsfmApp app = new TsfmApp(b).start()) {
                ItSupport.readUntil(
                        bootstrap,
                        "b-tsfm-forecasts",
                        new ForecastRecordSerde().deserializer(),
                        r -> r.size() >= expected.size() / 2);
            }
            deleteRecursively(tmp.resolve("state-b"));
            try (TsfmApp app = new TsfmApp(b).start()) {
                final List<ConsumerRecord<String, ForecastRecord>> restarted = ItSupport.readUntil(
                        bootstrap,
                        "b-tsfm-forecasts",
                        new ForecastRecordSerde().deserializer(),
                        r -> ItSupport.countByMarketAndAsOf(r).size() >= expected.size());
                assertThat(ItSupport.countByMarketAndAsOf(restarted)).isEqualTo(expected);
                final Map<String, ForecastRecord> again = byKey(restarted);
                assertThat(again.keySet()).isEqualTo(uninterrupted.keySet());
                again.forEach((key, f) -> {
                    assertThat(f.meta().runtime())
                            .as(key)
                            .isEqualTo(uninterrupted.get(key).meta().runtime());
                    assertThat(f.meta().inputLen())
                            .as(key)
                            .isEqualTo(uninterrupted.get(key).meta().inputLen());
                    for (final String q : List.of("0.1", "0.5", "0.9")) {
                        assertThat(f.yhatQ().get(q))
                                .as(key + " q" + q)
                                .containsExactly(uninterrupted.get(key).yhatQ().get(q));
                    }
                });
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                final String changelog = "old-b-step-closes-changelog";
                assertThat(admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, changelog)))
                                .all()
                                .get()
                                .values()
                                .iterator()
                                .next()
                                .get("retention.ms")
                                .value())
                        .isEqualTo("-1");
                final Map<TopicPartition, OffsetSpec> earliest = Map.of(
                        new TopicPartition(changelog, 0),
                        OffsetSpec.earliest(),
                        new TopicPartition(changelog, 1),
                        OffsetSpec.earliest());
                admin.listOffsets(earliest)
                        .all()
                        .get()
                        .forEach((tp, info) -> assertThat(info.offset())
                                .as("the broker deleted nothing of " + tp)
                                .isZero());
            }
        }
    }

    @Test
    void refusesAReplayIntoAnOutputTopicWhoseRetentionWouldDeleteItsForecastsAndWritesNothing() throws Exception {
        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.builder().dataDir(tmp.resolve("kafka")).start()) {
            final String bootstrap = broker.bootstrapServers();
            broker.createTopics(1, Map.of("retention.ms", "-1"), ItSupport.APP_TOPICS);
            broker.createTopics(1, Map.of("retention.ms", "604800000"), "bt-tsfm-forecasts");
            final Instant start = ItSupport.startHoursAgo(24 * 10);
            ItSupport.produceMinuteTicks(bootstrap, "market-ticks", MARKETS, start, 10);
            final Map<String, String> live = ItSupport.appSettings(
                    bootstrap,
                    "old",
                    "http://127.0.0.1:" + ItSupport.closedPort(),
                    tmp.resolve("state").toString());
            final Replayer replayer = new Replayer(
                    AppConfig.of(live),
                    request(start.plusSeconds(270), "bt-", "old-refused"),
                    new PrintStream(new ByteArrayOutputStream(), true));
            assertThatThrownBy(replayer::run)
                    .isInstanceOfSatisfying(
                            Replayer.Refused.class,
                            e -> assertThat(e.problems())
                                    .singleElement()
                                    .asString()
                                    .startsWith(
                                            "bt-tsfm-forecasts: retention.ms=604800000 (7 d) deletes records stamped before "));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                assertThat(admin.listConsumerGroupOffsets("old-refused")
                                .partitionsToOffsetAndMetadata()
                                .get())
                        .isEmpty();
                assertThat(admin.listTopics().names().get()).doesNotContain("bt-tsfm-fallback-events");
            }
        }
    }

    private static ReplayRequest request(final Instant from, final String prefix, final String appId) {
        return new ReplayRequest(from, null, prefix, appId, Duration.ofHours(25), Duration.ofMinutes(30));
    }

    private static Map<String, ForecastRecord> byKey(final List<ConsumerRecord<String, ForecastRecord>> records) {
        return records.stream()
                .map(ConsumerRecord::value)
                .collect(Collectors.toMap(f -> f.marketId() + "@" + f.asOfTs(), f -> f, (x, y) -> x));
    }

    private static void deleteRecursively(final Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (final Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
