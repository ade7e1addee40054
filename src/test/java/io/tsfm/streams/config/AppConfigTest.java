package io.tsfm.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.domain.Transform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.config.ConfigException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppConfigTest {
    private static final String SECRET = "tk-9f2c51e0-s3cr3t";

    @TempDir
    Path dir;

    private static AppConfig withEnv(final Map<String, String> env) {
        return ConfigLoader.fromLayers(List.of(), env);
    }

    @Test
    void definesEveryDefaultAsDocumented() {
        final Map<String, Object> expected = new HashMap<>();
        expected.put("bootstrap.servers", "127.0.0.1:9092");
        expected.put("application.id", "tsfm-streams");
        expected.put("processing.guarantee", "exactly_once_v2");
        expected.put("topic.ticks", "market-ticks");
        expected.put("topic.forecasts", "tsfm-forecasts");
        expected.put("topic.fallbacks", "tsfm-fallback-events");
        expected.put("topic.dlq", "market-ticks-dlq");
        expected.put("topic.scores", "tsfm-forecast-scores");
        expected.put("topic.shadow.forecasts", "tsfm-shadow-forecasts");
        expected.put("tollama.url", "http://127.0.0.1:11435");
        expected.put("tollama.api.key", null);
        expected.put("tollama.api.key.file", null);
        expected.put("tollama.model", "chronos2");
        expected.put("tollama.model.version", "unspecified");
        expected.put("tollama.timeout.ms", 1200L);
        expected.put("tollama.retry.max.retries", 1);
        expected.put("tollama.retry.backoff.ms", 120L);
        expected.put("tollama.retry.backoff.max.ms", 800L);
        expected.put("tollama.retry.jitter.ms", 80L);
        expected.put("tollama.series.per.request", 64);
        expected.put("tollama.max.in.flight", 8);
        expected.put("model.license.allowlist", List.of("Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause"));
        expected.put("model.license.check.override", false);
        expected.put("model.license.recheck.ms", 5_000L);
        expected.put("model.license.recheck.max.ms", 60_000L);
        expected.put("breaker.failure.threshold", 5);
        expected.put("breaker.open.ms", 120_000L);
        expected.put("breaker.half.open.probes", 2);
        expected.put("freq", "5m");
        expected.put("input.len.steps", 288);
        expected.put("horizon.steps", 12);
        expected.put("quantiles", List.of("0.1", "0.5", "0.9"));
        expected.put("min.points.for.tsfm", 32);
        expected.put("max.gap.minutes", 60);
        expected.put("baseline.only.liquidity.bucket", List.of("low"));
        expected.put("transform", "logit");
        expected.put("transform.eps", 1e-6);
        expected.put("baseline.method", "empirical_moves");
        expected.put("baseline.ewma.alpha", 0.2);
        expected.put("interval.min.width", 0.0);
        expected.put("interval.max.width", 1.0);
        expected.put("drift.window.hours", 24);
        expected.put("drift.reference.hours", 168);
        expected.put("drift.min.observations", 500);
        expected.put("calibration.enabled", true);
        expected.put("calibration.target", 0.8);
        expected.put("calibration.method", "quantile_tracking");
        expected.put("calibration.error.unit", "tick");
        expected.put("calibration.learning.rate", 0.01);
        expected.put("calibration.learning.rate.decay.samples", 8000);
        expected.put("calibration.window", 500);
        expected.put("calibration.min.samples", 50);
        expected.put("calibration.flat.lookback.steps", 24);
        expected.put("calibration.flat.threshold", 0.0);
        expected.put("calibration.activity.classes", List.of("1", "3", "6"));
        expected.put("calibration.direction.split", true);
        expected.put("calibration.baseline.standby", true);
        expected.put("cycle.grace.ms", 10_000L);
        expected.put("job.deadline.ms", 5_000L);
        expected.put("drain.interval.ms", 20L);
        expected.put("cycle.slice.markets", 2_000);
        expected.put("tick.max.future.skew.ms", 3_600_000L);
        expected.put("topics.create.missing", false);
        expected.put("topics.partitions", 6);
        expected.put("topics.replication.factor", (short) -1);
        expected.put("ops.port", 8080);
        expected.put("ops.bind", "127.0.0.1");
        expected.put("ops.advertised.host", null);
        expected.put("ops.http.threads", 16);
        expected.put("ops.http.idle.timeout.ms", 30_000L);
        expected.put("ops.http.max.request.bytes", 4_194_304L);
        expected.put("ops.http.max.header.bytes", 16_384);
        expected.put("api.tokens", null);
        expected.put("api.tokens.file", null);
        expected.put("api.rate.limit.per.minute", 60);
        expected.put("rollout.stage", "full_100");
        expected.put("rollout.candidate.model", null);
        expected.put("rollout.candidate.url", null);
        expected.put("rollout.incumbent", "model");
        expected.put("rollout.baseline.segments", List.of());
        expected.put("rollout.shadow.outside.share", false);
        expected.put("rollout.shadow.match.distance", 0.05);
        expected.put("topics.created.retention.ms", null);
        expected.put("steps.changelog.retention.ms", null);
        expected.put("cycle.window.start.ms", null);
        expected.put("cycle.window.end.ms", null);

        assertThat(AppConfig.DEFINITION.defaultValues()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(new HashMap<String, Object>(AppConfig.of(Map.of()).values()))
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void derivesTheTypedSettingsFromTheDefaults() {
        final AppConfig config = AppConfig.of(Map.of());

        assertThat(config.step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.quantiles()).containsExactly(0.1, 0.5, 0.9);
        assertThat(config.transform()).isEqualTo(new Transform(Transform.Space.LOGIT, 1e-6));
        assertThat(config.tollamaApiKey()).isNull();
        assertThat(config.tollamaModelVersion()).isEqualTo("unspecified");
        assertThat(config.kafkaProperties()).isEmpty();
    }

    @Test
    void parsesHourStepsAndTheRawSpace() {
        final AppConfig config =
                AppConfig.of(Map.of("freq", "1h", "transform", "none", "quantiles", "0.05, 0.5, 0.95"));

        assertThat(config.step()).isEqualTo(Duration.ofHours(1));
        assertThat(config.transform()).isEqualTo(new Transform(Transform.Space.NONE, 1e-6));
        assertThat(config.quantiles()).containsExactly(0.05, 0.5, 0.95);
    }

    @Test
    void putsOurKafkaSettingsIntoTheStreamsProperties() {
        final Properties props = AppConfig.of(Map.of(
                        "bootstrap.servers",
                        "broker:9093",
                        "application.id",
                        "tsfm-test",
                        "processing.guarantee",
                        "at_least_once"))
                .streamsProperties();

        assertThat(props)
                .containsOnly(
                        Map.entry("bootstrap.servers", "broker:9093"),
                        Map.entry("application.id", "tsfm-test"),
                        Map.entry("processing.guarantee", "at_least_once"),
                        Map.entry("max.task.idle.ms", "-1"),
                        Map.entry("producer.batch.size", "262144"));
    }

    @ParameterizedTest
    @CsvSource({"max.task.idle.ms, 0", "producer.batch.size, 16384"})
    void letsAPassThroughPropertyOverrideEachOfOurKafkaDefaults(final String key, final String value) {
        final Properties props = AppConfig.of(Map.of(key, value)).streamsProperties();

        assertThat(props).containsEntry(key, value);
    }

    @Test
    void rejectsAHorizonOfZeroNamingTheKey() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("horizon.steps", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("horizon.steps");
    }

    @Test
    void rejectsANonNumericHorizonNamingTheKey() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("horizon.steps", "twelve")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("horizon.steps");
    }

    @Test
    void rejectsDescendingQuantilesNamingTheKey() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("quantiles", "0.5,0.1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quantiles")
                .hasMessageContaining("strictly ascending");
    }

    @Test
    void rejectsQuantilesOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("quantiles", "0,0.5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quantiles");
        assertThatThrownBy(() -> AppConfig.of(Map.of("quantiles", "0.5,1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quantiles");
        assertThatThrownBy(() -> AppConfig.of(Map.of("quantiles", "0.1,x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quantiles");
    }

    @Test
    void rejectsAnUnknownFrequencyUnitNamingTheKey() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("freq", "5x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("freq")
                .hasMessageContaining("Unsupported freq");
    }

    @Test
    void rejectsAFrequencyThatDoesNotDivideADay() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("freq", "7m")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("freq")
                .hasMessageContaining("divide 24h");
        assertThatThrownBy(() -> AppConfig.of(Map.of("freq", "0m")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("freq");
    }

    @Test
    void rejectsATollamaUrlThatIsNotHttpNamingTheKey() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("tollama.url", "ftp://x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tollama.url");
        assertThatThrownBy(() -> AppConfig.of(Map.of("tollama.url", "not a url")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tollama.url");
        assertThatThrownBy(() -> AppConfig.of(Map.of("tollama.url", "/v1/forecast")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tollama.url");
    }

    @Test
    void rejectsAnUnknownProcessingGuaranteeNamingTheKey() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("processing.guarantee", "foo")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("processing.guarantee");
    }

    @Test
    void rejectsABlankTopicName() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("topic.ticks", " ")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.ticks");
    }

    @Test
    void rejectsAMinimumWidthNotBelowTheMaximumWidth() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("interval.min.width", "0.6", "interval.max.width", "0.6")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("interval.min.width");
    }

    @Test
    void rejectsABackoffCapBelowTheFirstBackoff() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("tollama.retry.backoff.max.ms", "100")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tollama.retry.backoff.max.ms");
    }

    @Test
    void rejectsALicenceRecheckCapBelowTheFirstWait() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("model.license.recheck.max.ms", "1000")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 1000 for configuration model.license.recheck.max.ms: must be at least "
                        + "model.license.recheck.ms");
    }

    @Test
    void rejectsAMinimumPointCountAboveTheInputLength() {
        assertThatThrownBy(() -> AppConfig.of(Map.of("input.len.steps", "16")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("min.points.for.tsfm");
    }

    @Test
    void readsTheApiKeyFromTheEnvironment() {
        final AppConfig config = withEnv(Map.of("TSFM_TOLLAMA_API_KEY", SECRET));

        assertThat(config.tollamaApiKey()).isEqualTo(SECRET);
    }

    @Test
    void keepsTheApiKeyOutOfTheStringFormAndTheStreamsProperties() {
        final AppConfig config = withEnv(Map.of("TSFM_TOLLAMA_API_KEY", SECRET));

        assertThat(config.toString()).doesNotContain(SECRET);
        assertThat(config.values().toString()).doesNotContain(SECRET);
        assertThat(config.streamsProperties().toString()).doesNotContain(SECRET);
    }

    @Test
    void readsTheApiKeyFromTheFirstLineOfTheKeyFile() throws IOException {
        final Path keyFile = Files.writeString(dir.resolve("tollama.key"), "  " + SECRET + "  \nsecond line\n");

        final AppConfig config = withEnv(Map.of("TSFM_TOLLAMA_API_KEY_FILE", keyFile.toString()));

        assertThat(config.tollamaApiKey()).isEqualTo(SECRET);
    }

    @Test
    void prefersTheApiKeyOverTheKeyFile() throws IOException {
        final Path keyFile = Files.writeString(dir.resolve("tollama.key"), "from-the-file\n");

        final AppConfig config =
                AppConfig.of(Map.of("tollama.api.key", SECRET, "tollama.api.key.file", keyFile.toString()));

        assertThat(config.tollamaApiKey()).isEqualTo(SECRET);
    }

    @Test
    void failsOnAnEmptyKeyFileNamingTheKey() throws IOException {
        final Path keyFile = Files.writeString(dir.resolve("tollama.key"), "");

        final AppConfig config = AppConfig.of(Map.of("tollama.api.key.file", keyFile.toString()));

        assertThatThrownBy(config::tollamaApiKey)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tollama.api.key.file")
                .hasMessageContaining("the file is empty");
    }

    @Test
    void failsOnAMissingKeyFileNamingTheKey() {
        final AppConfig config = AppConfig.of(
                Map.of("tollama.api.key.file", dir.resolve("absent.key").toString()));

        assertThatThrownBy(config::tollamaApiKey)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tollama.api.key.file");
    }

    @Test
    void neverLogsTheApiKey() throws IOException {
        final Path file = Files.writeString(dir.resolve("app.properties"), "tollama.api.key=" + SECRET + "\n");
        final List<String> logged = captureLogs(() -> {
            final AppConfig fromEnv =
                    ConfigLoader.load(null, Map.of("TSFM_TOLLAMA_API_KEY", SECRET, "TSFM_NOT_A_SETTING", "x"));
            final AppConfig fromFile = ConfigLoader.load(file, Map.of());
            assertThat(fromEnv.tollamaApiKey()).isEqualTo(SECRET);
            assertThat(fromFile.tollamaApiKey()).isEqualTo(SECRET);
        });

        assertThat(logged).as("the capture works").anyMatch(line -> line.contains("TSFM_NOT_A_SETTING"));
        assertThat(logged).noneMatch(line -> line.contains(SECRET));
    }

    /** Runs {@code action} with every application and Kafka config logger at ALL, into a private list. */
    private static List<String> captureLogs(final Runnable action) {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final AbstractAppender appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(final LogEvent event) {
                lines.add(event.getMessage().getFormattedMessage()
                        + (event.getThrown() == null ? "" : " " + event.getThrown()));
            }
        };
        appender.start();
        final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        final Configuration configuration = context.getConfiguration();
        final List<String> names = new ArrayList<>(List.of("io.tsfm.streams", "org.apache.kafka.common.config"));
        for (final String name : names) {
            final LoggerConfig logger = new LoggerConfig(name, Level.ALL, false);
            logger.addAppender(appender, Level.ALL, null);
            configuration.addLogger(name, logger);
        }
        context.updateLoggers();
        try {
            action.run();
        } finally {
            names.forEach(configuration::removeLogger);
            context.updateLoggers();
            appender.stop();
        }
        return lines;
    }
}
