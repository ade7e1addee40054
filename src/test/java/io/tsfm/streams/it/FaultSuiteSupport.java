package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.FaultProfile;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.stream.serde.FallbackEventSerde;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What every scenario of {@link FaultSuiteIT} shares: the model server, running the app until every forecast
 * is out, reading both output topics back, and the checks each scenario ends with.
 */
final class FaultSuiteSupport {
    static final String TICKS = "market-ticks";
    private static final String FORECASTS = "tsfm-forecasts";
    private static final String FALLBACKS = "tsfm-fallback-events";

    private FaultSuiteSupport() {}

    record Outcome(
            List<ConsumerRecord<String, ForecastRecord>> forecasts,
            List<ConsumerRecord<String, FallbackEvent>> events) {

        List<ForecastRecord> inAsOfOrder(final String market) {
            return forecasts.stream()
                    .map(ConsumerRecord::value)
                    .filter(f -> f.marketId().equals(market))
                    .sorted(Comparator.comparingLong(
                            f -> Instant.parse(f.asOfTs()).toEpochMilli()))
                    .toList();
        }

        List<String> reasonsInAsOfOrder(final String market) {
            return inAsOfOrder(market).stream()
                    .map(f -> f.meta().fallbackReason())
                    .toList();
        }

        /** How many forecasts came from the model and how many fell back for each reason, for the test log. */
        Map<String, Long> runtimesAndReasons() {
            return new TreeMap<>(forecasts.stream()
                    .collect(Collectors.groupingBy(
                            r -> r.value().meta().fallbackUsed()
                                    ? r.value().meta().fallbackReason()
                                    : r.value().meta().runtime(),
                            Collectors.counting())));
        }

        Set<String> fallbackReasons() {
            return forecasts.stream()
                    .map(r -> r.value().meta().fallbackReason())
                    .filter(r -> r != null)
                    .collect(Collectors.toSet());
        }
    }

    static LocalForecaster forecaster(final FaultProfile profile) {
        return LocalForecaster.start(
                LocalForecasterOptions.builder().port(0).faultProfile(profile).build());
    }

    /** Runs the app until every expected forecast is committed (still running), closes it, then reads both output topics. */
    static Outcome runUntilEveryForecast(
            final EmbeddedKafkaBroker broker, final Map<String, String> settings, final Map<String, Integer> expected) {
        return runUntilEveryForecast(broker, settings, expected, app -> {});
    }

    /** As above, running {@code beforeClose} on the app once every forecast is out. */
    static Outcome runUntilEveryForecast(
            final EmbeddedKafkaBroker broker,
            final Map<String, String> settings,
            final Map<String, Integer> expected,
            final java.util.function.Consumer<TsfmApp> beforeClose) {
        try (TsfmApp app = new TsfmApp(AppConfig.of(settings)).start()) {
            ItSupport.forecasts(broker.bootstrapServers(), expected.size());
            beforeClose.accept(app);
            assertThat(app.streams().state()).as("the app survived the fault").isEqualTo(KafkaStreams.State.RUNNING);
        }
        return committed(broker);
    }

    /** Everything committed in the output topics (read_committed, to the end offsets). */
    static Outcome committed(final EmbeddedKafkaBroker broker) {
        return new Outcome(
                ItSupport.readAll(broker.bootstrapServers(), FORECASTS, new ForecastRecordSerde().deserializer()),
                ItSupport.readAll(broker.bootstrapServers(), FALLBACKS, new FallbackEventSerde().deserializer()));
    }

    /** One tick per market per minute for an hour, starting two hours ago; returns the expected forecasts. */
    static Map<String, Integer> produceAnHourOfTicks(final EmbeddedKafkaBroker broker, final List<String> markets) {
        final Instant start = ItSupport.startHoursAgo(2);
        final Instant last = ItSupport.produceMinuteTicks(broker.bootstrapServers(), TICKS, markets, start, 60);
        return ItSupport.expected(markets, ItSupport.boundaries(start, last));
    }

    /** One series per request and one request at a time: model calls happen in as_of order. */
    static void oneCallAtATime(final Map<String, String> settings) {
        settings.put("tollama.series.per.request", "1");
        settings.put("tollama.max.in.flight", "1");
    }

    static void assertExactlyOneForecastPerMarketAndBoundary(final Outcome out, final Map<String, Integer> expected) {
        assertThat(ItSupport.countByMarketAndAsOf(out.forecasts())).isEqualTo(expected);
    }

    /** Each baseline forecast has exactly one fallback event with its reason; model forecasts have none. */
    static void assertFallbackEventsMatchTheForecasts(final Outcome out) {
        final Map<String, String> byForecast = new HashMap<>();
        for (final ConsumerRecord<String, ForecastRecord> r : out.forecasts()) {
            final ForecastRecord f = r.value();
            if ("tollama".equals(f.meta().runtime())) {
                assertThat(f.meta().fallbackUsed()).isFalse();
                continue;
            }
            assertThat(f.meta().runtime()).isEqualTo("baseline");
            assertThat(f.meta().fallbackUsed()).isTrue();
            assertThat(f.meta().fallbackReason()).isNotBlank();
            assertThat(f.meta().warnings())
                    .first()
                    .isEqualTo("fallback_reason=" + f.meta().fallbackReason());
            byForecast.put(key(f.marketId(), f.asOfTs()), f.meta().fallbackReason());
        }
        final Map<String, String> byEvent = new HashMap<>();
        for (final ConsumerRecord<String, FallbackEvent> r : out.events()) {
            byEvent.put(key(r.value().marketId(), r.value().asOfTs()), r.value().reason());
        }
        assertThat(byEvent).isEqualTo(byForecast);
        assertThat(out.events()).hasSize(byForecast.size());
    }

    private static String key(final String market, final String asOf) {
        return market + "@" + Instant.parse(asOf).toEpochMilli();
    }

    /** The partition Kafka's default partitioner gives a record with this key. */
    static int partitionOf(final String key, final int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static int activeTasks(final TsfmApp app) {
        return app.streams().metadataForLocalThreads().stream()
                .mapToInt(t -> t.activeTasks().size())
                .sum();
    }
}
