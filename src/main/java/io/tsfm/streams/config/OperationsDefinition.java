package io.tsfm.streams.config;

import static io.tsfm.streams.config.ConfigKeys.*;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * How the service runs (cycle timing, topics, the ops server and on-demand API, retention, replay windows):
 * part of {@link AppConfigDefinition}.
 */
@SuppressWarnings("BadImport") // Type, Importance, Range: ConfigDef's own idiom, read beside define()
final class OperationsDefinition {
    private OperationsDefinition() {}

    /** Cycle timing, topic creation, the ops server and the on-demand API, defined on {@code def}. */
    static ConfigDef runtime(final ConfigDef def) {
        return def.define(
                        CYCLE_GRACE_MS,
                        Type.LONG,
                        10_000L,
                        Range.atLeast(0),
                        Importance.MEDIUM,
                        "Event-time grace after a step boundary before its cycle runs (waits for late ticks).")
                .define(
                        JOB_DEADLINE_MS,
                        Type.LONG,
                        5_000L,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "Wall-clock budget of a model job from dispatch; then deadline_exceeded and the baseline.")
                .define(
                        DRAIN_INTERVAL_MS,
                        Type.LONG,
                        20L,
                        Range.between(1, 10_000),
                        Importance.LOW,
                        "Wall-clock interval of the punctuator that drains model answers on the stream thread.")
                .define(
                        CYCLE_SLICE_MARKETS,
                        Type.INT,
                        2_000,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Markets a task's cycle does at most per slice (and four times as many of its boundary's"
                                + " scores, or ten times as many held ticks); the drain punctuator does the next slice"
                                + " and the stream thread commits in between, so an exactly-once transaction's work"
                                + " stays bounded however many markets a task holds. Between two punctuations a task"
                                + " also resolves at most four times as many answered model jobs and as many deadline"
                                + " fallbacks; the rest wait for the next punctuation.")
                .define(
                        TOPICS_CREATE_MISSING,
                        Type.BOOLEAN,
                        false,
                        Importance.MEDIUM,
                        "Create missing input/output topics at start-up; when false a missing topic fails start-up.")
                .define(
                        TOPICS_PARTITIONS,
                        Type.INT,
                        6,
                        Range.between(1, 10_000),
                        Importance.LOW,
                        "Partitions of topics created by topics.create.missing.")
                .define(
                        TOPICS_REPLICATION_FACTOR,
                        Type.SHORT,
                        (short) -1,
                        Importance.LOW,
                        "Replication factor of created topics; -1 uses the broker default.")
                .define(
                        OPS_PORT,
                        Type.INT,
                        8080,
                        Range.between(0, 65535),
                        Importance.MEDIUM,
                        "Port of the ops HTTP server (/metrics, /health/*, /topology, /markets/{id}/forecast); "
                                + "0 picks a free port.")
                .define(
                        OPS_BIND,
                        Type.STRING,
                        "127.0.0.1",
                        new NonBlank(),
                        Importance.MEDIUM,
                        "Address the ops HTTP server binds; 0.0.0.0 to serve other hosts (e.g. in a container).")
                .define(
                        OPS_ADVERTISED_HOST,
                        Type.STRING,
                        null,
                        Importance.LOW,
                        "Host other instances use to reach this one's ops server for key lookups "
                                + "(application.server); defaults to ops.bind, or the host name when ops.bind is 0.0.0.0.")
                .define(
                        OPS_HTTP_THREADS,
                        Type.INT,
                        16,
                        Range.between(4, 1_000),
                        Importance.LOW,
                        "Most threads of the ops server (ops endpoints and the on-demand API); idle and half-sent "
                                + "connections hold none.")
                .define(
                        OPS_HTTP_IDLE_TIMEOUT_MS,
                        Type.LONG,
                        30_000L,
                        Range.between(100, 3_600_000),
                        Importance.LOW,
                        "An ops server connection with nothing received or sent for this long is closed (a request "
                                + "whose headers or body stop arriving: 408).")
                .define(
                        OPS_HTTP_MAX_REQUEST_BYTES,
                        Type.LONG,
                        4L * 1024 * 1024,
                        Range.between(1_024, 1L << 30),
                        Importance.LOW,
                        "Largest request body the ops server accepts (413 above).")
                .define(
                        OPS_HTTP_MAX_HEADER_BYTES,
                        Type.INT,
                        16 * 1024,
                        Range.between(1_024, 1 << 20),
                        Importance.LOW,
                        "Largest request line and headers the ops server accepts (431 above).")
                .define(
                        API_TOKENS,
                        Type.PASSWORD,
                        null,
                        Importance.MEDIUM,
                        "Tokens of the on-demand API POST /tsfm/forecast on the ops server: comma-separated "
                                + "identity:token pairs or bare tokens (at least 16 characters, no placeholders). "
                                + "Set it through the environment (TSFM_API_TOKENS); never logged. With no token "
                                + "here or in " + API_TOKENS_FILE + " the endpoint answers 503.")
                .define(
                        API_TOKENS_FILE,
                        Type.STRING,
                        null,
                        Importance.MEDIUM,
                        "File of on-demand API tokens, one identity:token or bare token per line (blank lines "
                                + "and # comments skipped); used together with " + API_TOKENS + ".")
                .define(
                        API_RATE_LIMIT_PER_MINUTE,
                        Type.INT,
                        60,
                        Range.between(1, 1_000_000),
                        Importance.MEDIUM,
                        "On-demand API requests per minute per identity (a token bucket of that size, refilled "
                                + "evenly); over it the answer is 429 with Retry-After.");
    }

    /** Created topics' and the changelog's retention, replay's cycle window, tick skew: defined last. */
    static ConfigDef retentionAndReplay(final ConfigDef def) {
        return def.define(
                        TOPICS_CREATED_RETENTION_MS,
                        Type.LONG,
                        null,
                        Importance.LOW,
                        "retention.ms of topics created by topics.create.missing (-1 keeps everything; replays "
                                + "use -1 because their records carry old event timestamps); unset = broker default.")
                .define(
                        STEPS_CHANGELOG_RETENTION_MS,
                        Type.LONG,
                        null,
                        ConfigDef.LambdaValidator.with(
                                (n, v) -> {
                                    if (v != null && (Long) v < -1) {
                                        throw new ConfigException(
                                                n, v, "must be -1 (keep everything), at least 0, or unset");
                                    }
                                },
                                () -> "-1, >= 0, or unset"),
                        Importance.LOW,
                        "retention.ms of the step store's changelog (<application.id>-step-closes-changelog) when "
                                + "Kafka Streams creates it. The broker deletes its records by their event "
                                + "timestamps, so ticks older than this are gone from it at once and a restore "
                                + "would rebuild contexts without them: -1 for data older than about two days "
                                + "(replay sets it). Unset = Kafka Streams' own: the store's retention plus "
                                + "windowstore.changelog.additional.retention.ms (about 49 h by default).")
                .define(
                        CYCLE_WINDOW_START_MS,
                        Type.LONG,
                        null,
                        Importance.LOW,
                        "Epoch ms: boundaries before this get no cycle (ticks still build state). Set by replay.")
                .define(
                        CYCLE_WINDOW_END_MS,
                        Type.LONG,
                        null,
                        Importance.LOW,
                        "Epoch ms: boundaries after this get no cycle. Set by replay.")
                .define(
                        MAX_FUTURE_SKEW_MS,
                        Type.LONG,
                        3_600_000L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "A tick whose ts is this far after its Kafka record timestamp is rejected (absurd_timestamp).");
    }
}
