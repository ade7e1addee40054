package io.tsfm.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(final String content) throws IOException {
        return Files.writeString(dir.resolve("tsfm.properties"), content);
    }

    @Test
    void usesTheDefaultsWithoutAFileOrEnvironment() {
        final AppConfig config = ConfigLoader.load(null, Map.of());

        assertThat(config.getString("bootstrap.servers")).isEqualTo("127.0.0.1:9092");
        assertThat(config.getInt("horizon.steps")).isEqualTo(12);
    }

    @Test
    void letsTheFileOverrideTheDefaults() throws IOException {
        final AppConfig config = ConfigLoader.load(file("""
                horizon.steps = 24
                tollama.model=timesfm\s\s
                # a comment
                quantiles=0.05,0.5,0.95
                """), Map.of());

        assertThat(config.getInt("horizon.steps")).isEqualTo(24);
        assertThat(config.getString("tollama.model")).isEqualTo("timesfm");
        assertThat(config.quantiles()).containsExactly(0.05, 0.5, 0.95);
        assertThat(config.getString("freq")).isEqualTo("5m");
    }

    @Test
    void letsTheEnvironmentOverrideTheFile() throws IOException {
        final Path file = file("bootstrap.servers=file-broker:9092\ntollama.model=timesfm\nhorizon.steps=24\n");

        final AppConfig config = ConfigLoader.load(
                file, Map.of("TSFM_BOOTSTRAP_SERVERS", "env-broker:9092", "TSFM_TOLLAMA_MODEL", "moirai"));

        assertThat(config.getString("bootstrap.servers")).isEqualTo("env-broker:9092");
        assertThat(config.getString("tollama.model")).isEqualTo("moirai");
        assertThat(config.getInt("horizon.steps")).isEqualTo(24);
    }

    @Test
    void letsLaterLayersOverrideEarlierOnes() {
        final AppConfig config = ConfigLoader.fromLayers(
                List.of(Map.of("horizon.steps", "24", "freq", "15m"), Map.of("horizon.steps", "6")), Map.of());

        assertThat(config.getInt("horizon.steps")).isEqualTo(6);
        assertThat(config.getString("freq")).isEqualTo("15m");
    }

    @Test
    void passesKafkaPropertiesThroughToTheStreamsProperties() throws IOException {
        final AppConfig config = ConfigLoader.load(file("""
                num.stream.threads=3
                producer.linger.ms=5
                consumer.max.poll.records=200
                state.dir=/var/lib/tsfm
                """), Map.of());

        final Properties props = config.streamsProperties();

        assertThat(props)
                .containsEntry("num.stream.threads", "3")
                .containsEntry("producer.linger.ms", "5")
                .containsEntry("consumer.max.poll.records", "200")
                .containsEntry("state.dir", "/var/lib/tsfm")
                .containsEntry("application.id", "tsfm-streams")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("processing.guarantee", "exactly_once_v2");
        assertThat(config.kafkaProperties())
                .containsOnlyKeys("num.stream.threads", "producer.linger.ms", "consumer.max.poll.records", "state.dir");
    }

    @Test
    void letsTheEnvironmentOverrideAKafkaProperty() throws IOException {
        final AppConfig config =
                ConfigLoader.load(file("num.stream.threads=2\n"), Map.of("TSFM_NUM_STREAM_THREADS", "4"));

        assertThat(config.streamsProperties()).containsEntry("num.stream.threads", "4");
    }

    @Test
    void failsOnAnUnknownKeyInTheFileNamingTheKey() throws IOException {
        final Path file = file("tollama.modle=timesfm\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tollama.modle");
    }

    @Test
    void keepsTheValueOfAnUnknownKeyOutOfTheError() throws IOException {
        final Path file = file("tollama.api.kee=tk-9f2c51e0-s3cr3t\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tollama.api.kee")
                .hasMessageNotContaining("tk-9f2c51e0-s3cr3t");
    }

    @Test
    void ignoresUnknownEnvironmentVariables() {
        final AppConfig config =
                ConfigLoader.load(null, Map.of("TSFM_NOT_A_SETTING", "x", "HOME", "/root", "PATH", "/usr/bin"));

        assertThat(config.kafkaProperties()).isEmpty();
        assertThat(config.streamsProperties())
                .containsOnlyKeys(
                        "application.id",
                        "bootstrap.servers",
                        "processing.guarantee",
                        "max.task.idle.ms",
                        "producer.batch.size");
    }

    @Test
    void failsOnABadValueFromTheEnvironmentNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TSFM_HORIZON_STEPS", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("horizon.steps");
    }

    @Test
    void failsOnAMissingFile() {
        final Path absent = dir.resolve("absent.properties");

        assertThatThrownBy(() -> ConfigLoader.load(absent, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absent.properties");
    }

    @Test
    void mapsEnvironmentNamesToKeys() {
        assertThat(ConfigLoader.envToKey("TSFM_TOLLAMA_API_KEY")).isEqualTo("tollama.api.key");
        assertThat(ConfigLoader.envToKey("TSFM_BOOTSTRAP_SERVERS")).isEqualTo("bootstrap.servers");
    }

    @Test
    void recognisesKafkaPropertiesAndPrefixes() {
        assertThat(ConfigLoader.isKafkaKey("num.stream.threads")).isTrue();
        assertThat(ConfigLoader.isKafkaKey("linger.ms")).isTrue();
        assertThat(ConfigLoader.isKafkaKey("producer.linger.ms")).isTrue();
        assertThat(ConfigLoader.isKafkaKey("main.consumer.fetch.max.bytes")).isTrue();
        assertThat(ConfigLoader.isKafkaKey("topic.segment.bytes")).isTrue();
        assertThat(ConfigLoader.isKafkaKey("tollama.modle")).isFalse();
    }
}
