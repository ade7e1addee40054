package io.tsfm.streams.stream;

import static io.tsfm.streams.config.ConfigKeys.*;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.domain.StepClose;
import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.stream.serde.CalibratorStateSerde;
import io.tsfm.streams.stream.serde.CycleStateSerde;
import io.tsfm.streams.stream.serde.DriftStateSerde;
import io.tsfm.streams.stream.serde.FallbackEventSerde;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import io.tsfm.streams.stream.serde.ForecastScoreSerde;
import io.tsfm.streams.stream.serde.MarketStateSerde;
import io.tsfm.streams.stream.serde.OpenForecastSerde;
import io.tsfm.streams.stream.serde.PendingJobSerde;
import io.tsfm.streams.stream.serde.StepCloseSerde;
import io.tsfm.streams.stream.serde.TickSerde;
import io.tsfm.streams.tick.TickCheck;
import io.tsfm.streams.topology.Names;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Builds the whole topology in one place; {@code run}, {@code demo} and the tests all call {@link #build}.
 * <pre>
 * market-ticks -> validate-ticks -> invalid -> market-ticks-dlq (original bytes + reason headers)
 *                                -> rekey (no record key) -> ticks-rekeyed repartition -+
 *                                -> valid ------------------------------------------------+-> forecast
 * forecast (stores: step-closes, market-state, pending-forecasts, cycle-state, latest-forecast,
 *           open-forecasts, calibration, input-drift) -> tsfm-forecasts
 *                                        -> tsfm-fallback-events
 *                                        -> tsfm-forecast-scores
 *                                        -> tsfm-shadow-forecasts (the rollout candidate's, never served)
 * </pre>
 */
public final class TsfmTopology {
    private TsfmTopology() {}

    public static Topology build(final AppConfig config, final ModelClient client, final StreamMeters metrics) {
        return build(config, ModelClients.of(client), metrics);
    }

    /** The topology with a rollout's model clients (current, candidate, shadow). */
    public static Topology build(final AppConfig config, final ModelClients clients, final StreamMeters metrics) {
        final ForecastSettings settings = config.forecastSettings();
        final StreamsBuilder builder = new StreamsBuilder();
        final TickSerde tickSerde = new TickSerde();
        builder.addStateStore(CommitLedger.builder(metrics));

        final KStream<String, TickCheck> checked = builder.stream(
                        config.getString(TOPIC_TICKS),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(Names.TICKS_SOURCE))
                .process(
                        () -> new TickValidator(config.getLong(MAX_FUTURE_SKEW_MS), metrics),
                        Named.as(Names.VALIDATE_TICKS),
                        Names.COMMIT_LEDGER_STORE);

        final Map<String, KStream<String, TickCheck>> branches = checked.split(Named.as(Names.TICK_BRANCH))
                .branch((k, v) -> v.isRejected(), Branched.as(Names.BRANCH_INVALID))
                .branch((k, v) -> v.needsRekey(), Branched.as(Names.BRANCH_REKEY))
                .defaultBranch(Branched.as(Names.BRANCH_VALID));

        branches.get(Names.TICK_BRANCH + Names.BRANCH_INVALID)
                .map((k, v) -> KeyValue.pair(v.rawKey(), v.rawValue()), Named.as(Names.TO_DLQ_RECORD))
                .to(
                        config.getString(TOPIC_DLQ),
                        Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(Names.DLQ_SINK));

        final KStream<String, Tick> rekeyed = branches.get(Names.TICK_BRANCH + Names.BRANCH_REKEY)
                .mapValues(TickCheck::tick, Named.as(Names.UNWRAP_REKEY))
                .repartition(Repartitioned.with(Serdes.String(), tickSerde).withName(Names.REKEY_REPARTITION));

        final KStream<String, Tick> ticks = branches.get(Names.TICK_BRANCH + Names.BRANCH_VALID)
                .mapValues(TickCheck::tick, Named.as(Names.UNWRAP_VALID))
                .merge(rekeyed, Named.as(Names.MERGE_TICKS));

        final Map<String, KStream<String, Emission>> emissions = ticks.process(
                        forecastSupplier(settings, config.getLong(STEPS_CHANGELOG_RETENTION_MS), clients, metrics),
                        Named.as(Names.FORECAST),
                        Names.COMMIT_LEDGER_STORE)
                .split(Named.as(Names.EMISSION_BRANCH))
                .branch((k, v) -> v.isForecast(), Branched.as(Names.BRANCH_FORECASTS))
                .branch((k, v) -> v.isFallback(), Branched.as(Names.BRANCH_FALLBACKS))
                .branch((k, v) -> v.isScore(), Branched.as(Names.BRANCH_SCORES))
                .defaultBranch(Branched.as(Names.BRANCH_SHADOW));

        emissions
                .get(Names.EMISSION_BRANCH + Names.BRANCH_FORECASTS)
                .mapValues(Emission::forecast, Named.as(Names.UNWRAP_FORECAST))
                .to(
                        config.getString(TOPIC_FORECASTS),
                        Produced.with(Serdes.String(), new ForecastRecordSerde())
                                .withName(Names.FORECASTS_SINK));
        emissions
                .get(Names.EMISSION_BRANCH + Names.BRANCH_FALLBACKS)
                .mapValues(Emission::fallback, Named.as(Names.UNWRAP_FALLBACK))
                .to(
                        config.getString(TOPIC_FALLBACKS),
                        Produced.with(Serdes.String(), new FallbackEventSerde()).withName(Names.FALLBACKS_SINK));
        emissions
                .get(Names.EMISSION_BRANCH + Names.BRANCH_SCORES)
                .mapValues(Emission::score, Named.as(Names.UNWRAP_SCORE))
                .to(
                        config.getString(TOPIC_SCORES),
                        Produced.with(Serdes.String(), new ForecastScoreSerde()).withName(Names.SCORES_SINK));
        emissions
                .get(Names.EMISSION_BRANCH + Names.BRANCH_SHADOW)
                .mapValues(Emission::shadow, Named.as(Names.UNWRAP_SHADOW))
                .to(
                        config.getString(TOPIC_SHADOW_FORECASTS),
                        Produced.with(Serdes.String(), new ForecastRecordSerde())
                                .withName(Names.SHADOW_SINK));
        return builder.build();
    }

    /**
     * The step store's changelog keeps what its retention says, judged by event time: an explicit
     * {@code changelogRetentionMs} (-1 for replays of old data) replaces Kafka Streams' derived one.
     */
    private static StoreBuilder<WindowStore<String, StepClose>> stepStore(
            final ForecastSettings settings, final Long changelogRetentionMs) {
        final StoreBuilder<WindowStore<String, StepClose>> store = Stores.windowStoreBuilder(
                Stores.persistentWindowStore(Names.STEP_CLOSES_STORE, settings.stepRetention(), settings.step(), false),
                Serdes.String(),
                new StepCloseSerde());
        return changelogRetentionMs == null
                ? store
                : store.withLoggingEnabled(Map.of(TopicConfig.RETENTION_MS_CONFIG, changelogRetentionMs.toString()));
    }

    private static ProcessorSupplier<String, Tick, String, Emission> forecastSupplier(
            final ForecastSettings settings,
            final Long stepsChangelogRetentionMs,
            final ModelClients clients,
            final StreamMeters metrics) {
        return new ProcessorSupplier<>() {
            @Override
            public ForecastProcessor get() {
                return new ForecastProcessor(settings, clients, metrics);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                // a fixed order, so the topology description (topology-docs/) is the same on every run
                // market-state is cached: it holds each market's open step, written per tick, so a market's
                // ticks within a commit interval become one RocksDB write and one changelog record
                // (statestore.cache.max.bytes=0 turns it off); step-closes is written once per market and step
                return new LinkedHashSet<>(List.of(
                        stepStore(settings, stepsChangelogRetentionMs),
                        Stores.keyValueStoreBuilder(
                                        Stores.persistentKeyValueStore(Names.MARKET_STATE_STORE),
                                        Serdes.String(),
                                        new MarketStateSerde())
                                .withCachingEnabled(),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(Names.PENDING_STORE),
                                Serdes.String(),
                                new PendingJobSerde()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(Names.CYCLE_STATE_STORE),
                                Serdes.String(),
                                new CycleStateSerde()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(Names.LATEST_FORECAST_STORE),
                                Serdes.String(),
                                new ForecastRecordSerde()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(Names.OPEN_FORECASTS_STORE),
                                Serdes.String(),
                                new OpenForecastSerde()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(Names.CALIBRATION_STORE),
                                Serdes.String(),
                                new CalibratorStateSerde()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(Names.INPUT_DRIFT_STORE),
                                Serdes.String(),
                                new DriftStateSerde()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(Names.HELD_TICKS_STORE),
                                Serdes.String(),
                                new TickSerde())));
            }
        };
    }
}
