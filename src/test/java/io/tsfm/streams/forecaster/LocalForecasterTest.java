package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up options, binding and shutdown of the server. */
class LocalForecasterTest {

    @Test
    void anEphemeralPortIsResolvedIntoTheUrl() {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            assertThat(server.port()).isPositive();
            assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
        }
    }

    @Test
    void everyLocalModelIsInstalledByDefault() {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            assertThat(server.installedModels()).containsExactly("mock", "local-empirical", "local-ets-damped");
        }
    }

    @Test
    void theDefaultsAreTollamasAddress() {
        final LocalForecasterOptions defaults = LocalForecasterOptions.builder().build();

        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(11435);
        assertThat(defaults.apiKeys()).isEmpty();
        assertThat(defaults.faultProfile()).isEqualTo(FaultProfile.NONE);
    }

    @Test
    void theStartProfileIsInForce() {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.builder().port(0)
                .faultProfile(FaultProfile.preset("flaky")).build())) {
            assertThat(server.faults().profile()).isEqualTo(FaultProfile.preset("flaky"));
        }
    }

    @Test
    void anUnknownPreloadedModelIsRejectedAtStart() {
        assertThatThrownBy(() -> LocalForecaster.start(LocalForecasterOptions.builder().port(0)
                .preloadedModels(List.of("chronos2")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chronos2");
    }

    @Test
    void aPortInUseFailsToStart() {
        try (LocalForecaster first = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            assertThatThrownBy(() -> LocalForecaster.start(LocalForecasterOptions.builder().port(first.port()).build()))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void aClosedServerRefusesConnectionsAndClosingTwiceIsHarmless() {
        final LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
        final ForecasterHttp http = new ForecasterHttp(server.url());

        server.close();
        server.close();

        assertThatThrownBy(() -> http.get("/v1/health")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(ConnectException.class);
    }
}
