package io.tsfm.streams.replay;

import static io.tsfm.streams.config.ConfigKeys.*;

import io.tsfm.streams.app.NoBrokerAnswer;
import io.tsfm.streams.app.TopicSetup;
import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.metrics.MetricNames;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs a replay: positions the fresh consumer group at the warm-up start with the admin client, runs
 * the processor with the derived settings until it has consumed the tick topic up to the range's end
 * and answered every pending job, then stops. The live app's group, state and topics are never touched.
 */
public final class Replayer {
    private final AppConfig live;
    private final ReplayRequest request;
    private final PrintStream out;
    /** How long each admin call (offsets, groups, topics) may wait for the broker. */
    private final Duration adminTimeout;

    public Replayer(final AppConfig live, final ReplayRequest request, final PrintStream out) {
        this(live, request, out, Duration.ofSeconds(30));
    }

    Replayer(final AppConfig live, final ReplayRequest request, final PrintStream out, final Duration adminTimeout) {
        this.live = live;
        this.request = request;
        this.out = out;
        this.adminTimeout = adminTimeout;
    }

    /**
     * Runs the replay to its end.
     *
     * @return the number of forecasts the replay published
     */
    public long run() throws Exception {
        final AppConfig config = ReplayConfig.derive(live, request, System.currentTimeMillis());
        try {
            return run(config);
        } catch (final TimeoutException e) {
            throw noAnswer(config, e);
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw noAnswer(config, e.getCause());
            }
            throw e;
        }
    }

    private IllegalStateException noAnswer(final AppConfig config, final Throwable cause) {
        return NoBrokerAnswer.of(config.getString(BOOTSTRAP_SERVERS), adminTimeout, cause);
    }

    private long run(final AppConfig config) throws Exception {
        final String appId = config.getString(APPLICATION_ID);
        final String ticks = config.getString(TOPIC_TICKS);
        final Map<TopicPartition, Long> end;
        final int timeoutMs = (int) adminTimeout.toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getString(BOOTSTRAP_SERVERS),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                timeoutMs))) {
            if (!admin.listConsumerGroupOffsets(appId)
                    .partitionsToOffsetAndMetadata()
                    .get(adminTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .isEmpty()) {
                throw new IllegalStateException("application id " + appId + " already has committed offsets: "
                        + "choose a new --application-id");
            }
            final TopicDescription topic = admin.describeTopics(List.of(ticks))
                    .allTopicNames()
                    .get(adminTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(ticks);
            final long startMs =
                    request.from().toEpochMilli() - request.warmup().toMillis();
            final Map<TopicPartition, Long> start = offsets(admin, topic, OffsetSpec.forTimestamp(startMs));
            final Map<TopicPartition, Long> last = offsets(admin, topic, OffsetSpec.latest());
            end = request.to() == null
                    ? last
                    : offsets(
                            admin,
                            topic,
                            OffsetSpec.forTimestamp(request.to().toEpochMilli()
                                    + (config.getInt(HORIZON_STEPS) + 1L)
                                            * config.step().toMillis()
                                    + config.getLong(CYCLE_GRACE_MS)
                                    + 1)); // and one horizon more, to score the range
            final List<String> problems = ReplayTopics.problems(
                    admin, config, Instant.ofEpochMilli(startMs), Instant.now(), request.timeout());
            if (!problems.isEmpty()) {
                throw new Refused(problems);
            }
            final Map<TopicPartition, OffsetAndMetadata> initial = new HashMap<>();
            start.forEach((tp, o) -> initial.put(tp, new OffsetAndMetadata(o < 0 ? last.get(tp) : o)));
            end.replaceAll((tp, o) -> o < 0 ? last.get(tp) : o);
            admin.alterConsumerGroupOffsets(appId, initial).all().get(adminTimeout.toMillis(), TimeUnit.MILLISECONDS);
            out.printf(
                    "replay: application.id %s, ticks from %s (warm-up %s before %s) to %s, outputs %s*%n",
                    appId,
                    Instant.ofEpochMilli(startMs),
                    request.warmup(),
                    request.from(),
                    request.to() == null ? "the end of " + ticks : request.to(),
                    request.outputPrefix());
            TopicSetup.ensure(config);
            try (TsfmApp app = new TsfmApp(config).start()) {
                final long deadline = System.nanoTime() + request.timeout().toNanos();
                while (!caughtUp(admin, appId, end)
                        || app.metrics().pendingJobs() > 0
                        || app.metrics().runningCycles() > 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("replay did not finish within " + request.timeout());
                    }
                    TimeUnit.MILLISECONDS.sleep(500); // polling the group's progress, not synchronising threads
                }
                final long forecasts = (long) app.metrics().total(MetricNames.FORECASTS);
                out.printf(
                        "replay: done: %d forecasts to %s, %d fallback events to %s%n",
                        forecasts,
                        config.getString(TOPIC_FORECASTS),
                        (long) app.metrics().total(MetricNames.FALLBACK),
                        config.getString(TOPIC_FALLBACKS));
                return forecasts;
            }
        }
    }

    /** A replay that would lose what it writes: one line per topic and setting, nothing written yet. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        Refused(final List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private Map<TopicPartition, Long> offsets(final Admin admin, final TopicDescription topic, final OffsetSpec spec)
            throws Exception {
        final Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        topic.partitions().forEach(p -> request.put(new TopicPartition(topic.name(), p.partition()), spec));
        final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                admin.listOffsets(request).all().get(adminTimeout.toMillis(), TimeUnit.MILLISECONDS);
        final Map<TopicPartition, Long> out = new HashMap<>();
        result.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private boolean caughtUp(final Admin admin, final String appId, final Map<TopicPartition, Long> end)
            throws InterruptedException, ExecutionException, TimeoutException {
        final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId)
                .partitionsToOffsetAndMetadata()
                .get(adminTimeout.toMillis(), TimeUnit.MILLISECONDS);
        for (final Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            final OffsetAndMetadata c = committed.get(e.getKey());
            if (c == null || c.offset() < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
