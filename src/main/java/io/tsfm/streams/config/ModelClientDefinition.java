package io.tsfm.streams.config;

import static io.tsfm.streams.config.ConfigKeys.*;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The model client's settings (tollama, the licence check, the circuit breaker): part of
 * {@link AppConfigDefinition}.
 */
@SuppressWarnings("BadImport") // Type, Importance, Range: ConfigDef's own idiom, read beside define()
final class ModelClientDefinition {
    private ModelClientDefinition() {}

    /** Defines them on {@code def}, in the order the configuration docs list them. */
    static ConfigDef define(final ConfigDef def) {
        return def.define(
                        TOLLAMA_URL,
                        Type.STRING,
                        "http://127.0.0.1:11435",
                        new HttpUrl(),
                        Importance.HIGH,
                        "Base URL of the tollama server (POST {url}/v1/forecast).")
                .define(
                        TOLLAMA_API_KEY,
                        Type.PASSWORD,
                        null,
                        Importance.MEDIUM,
                        "Bearer token for tollama. Prefer the environment (TSFM_TOLLAMA_API_KEY) or "
                                + TOLLAMA_API_KEY_FILE + "; never logged.")
                .define(
                        TOLLAMA_API_KEY_FILE,
                        Type.STRING,
                        null,
                        Importance.MEDIUM,
                        "File whose first line is the tollama bearer token.")
                .define(
                        TOLLAMA_MODEL,
                        Type.STRING,
                        "chronos2",
                        new NonBlank(),
                        Importance.HIGH,
                        "Model name as installed in tollama.")
                .define(
                        TOLLAMA_MODEL_VERSION,
                        Type.STRING,
                        "unspecified",
                        Importance.LOW,
                        "Model version written to forecast meta (tollama does not report one).")
                .define(
                        TOLLAMA_TIMEOUT_MS,
                        Type.LONG,
                        1200L,
                        Range.atLeast(1),
                        Importance.HIGH,
                        "Timeout of one HTTP attempt, in ms.")
                .define(
                        TOLLAMA_RETRY_MAX,
                        Type.INT,
                        1,
                        Range.between(0, 10),
                        Importance.MEDIUM,
                        "Retries after the first attempt, only on 429/502/503/504 and network errors.")
                .define(
                        TOLLAMA_RETRY_BACKOFF_MS,
                        Type.LONG,
                        120L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "First retry backoff in ms; doubles with each retry.")
                .define(
                        TOLLAMA_RETRY_BACKOFF_MAX_MS,
                        Type.LONG,
                        800L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Cap of the retry backoff in ms.")
                .define(
                        TOLLAMA_RETRY_JITTER_MS,
                        Type.LONG,
                        80L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Uniform random jitter added to each backoff, in ms.")
                .define(
                        TOLLAMA_SERIES_PER_REQUEST,
                        Type.INT,
                        64,
                        Range.between(1, 10_000),
                        Importance.MEDIUM,
                        "Series (markets) batched into one tollama request.")
                .define(
                        TOLLAMA_MAX_IN_FLIGHT,
                        Type.INT,
                        8,
                        Range.between(1, 1024),
                        Importance.MEDIUM,
                        "Concurrent tollama requests per application instance (a bulkhead); a model client sends them, and"
                                + " handles their answers, on up to twice as many threads of its own.")
                .define(
                        MODEL_LICENSE_ALLOWLIST,
                        Type.LIST,
                        "Apache-2.0,MIT,BSD-2-Clause,BSD-3-Clause",
                        Importance.HIGH,
                        "Licence ids (SPDX, compared case-insensitively) a model may have. At "
                                + "start-up, run and demo read the licence of " + TOLLAMA_MODEL + " from the model "
                                + "server (POST /api/show) and exit 4 when it is not on this list, needs acceptance "
                                + "that was not given, or cannot be determined from the server's answer. A server "
                                + "that cannot be asked (unreachable, no answer, 5xx) does not stop the start: the "
                                + "baseline serves the model's markets (fallback model_licence_unverified) until the "
                                + "licence is read. Default: licences allowing commercial use.")
                .define(
                        MODEL_LICENSE_CHECK_OVERRIDE,
                        Type.BOOLEAN,
                        false,
                        Importance.LOW,
                        "Start even when the licence check refuses a model; every start then logs a WARN naming "
                                + "each refused model and its licence. The model is called whether or not its "
                                + "licence could be read.")
                .define(
                        MODEL_LICENSE_RECHECK_MS,
                        Type.LONG,
                        5_000L,
                        Range.atLeast(1),
                        Importance.LOW,
                        "First wait before reading again a licence the model server could not be asked for; "
                                + "doubled after each failed read up to " + MODEL_LICENSE_RECHECK_MAX_MS + ".")
                .define(
                        MODEL_LICENSE_RECHECK_MAX_MS,
                        Type.LONG,
                        60_000L,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Longest wait between two reads of an unverified licence, in ms: the longest the "
                                + "baseline keeps serving a model's markets after its server came back.")
                .define(
                        BREAKER_FAILURE_THRESHOLD,
                        Type.INT,
                        5,
                        Range.between(1, 1000),
                        Importance.MEDIUM,
                        "Consecutive failed model calls that open the circuit breaker.")
                .define(
                        BREAKER_OPEN_MS,
                        Type.LONG,
                        120_000L,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "How long the breaker stays open before half-open probes, in ms.")
                .define(
                        BREAKER_HALF_OPEN_PROBES,
                        Type.INT,
                        2,
                        Range.between(1, 100),
                        Importance.MEDIUM,
                        "Probe calls in half-open state; all must succeed to close.");
    }
}
