package io.tsfm.streams.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.config.AppConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TollamaSettingsTest {

    @Test
    void writesMinuteStepsAsPandasMinutes() {
        assertThat(TollamaSettings.pandasAlias(Duration.ofMinutes(5))).isEqualTo("5min");
        assertThat(TollamaSettings.pandasAlias(Duration.ofMinutes(90))).isEqualTo("90min");
    }

    @Test
    void writesWholeHourStepsAsPandasHours() {
        assertThat(TollamaSettings.pandasAlias(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(TollamaSettings.pandasAlias(Duration.ofHours(2))).isEqualTo("2h");
    }

    @Test
    void liftsTheClientSettingsOutOfTheConfig() {
        final TollamaSettings settings = TollamaSettings.from(
                AppConfig.of(Map.of("tollama.url", "http://tollama.internal:11435/", "freq", "15m")));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://tollama.internal:11435"));
        assertThat(settings.freqAlias()).isEqualTo("15min");
        assertThat(settings.model()).isEqualTo("chronos2");
        assertThat(settings.horizon()).isEqualTo(12);
        assertThat(settings.levels()).containsExactly(0.1, 0.5, 0.9);
        assertThat(settings.timeoutMs()).isEqualTo(1200L);
        assertThat(settings.maxRetries()).isEqualTo(1);
        assertThat(settings.apiKey()).isNull();
    }

    @Test
    void hidesTheApiKeyInItsStringForm() {
        final TollamaSettings settings = TollamaSettings.from(AppConfig.of(Map.of("tollama.api.key", "tk-s3cr3t")));

        assertThat(settings.apiKey()).isEqualTo("tk-s3cr3t");
        assertThat(settings.toString()).doesNotContain("tk-s3cr3t").contains("apiKey=***");
    }
}
