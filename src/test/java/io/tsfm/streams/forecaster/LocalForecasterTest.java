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
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.builder()
                .port(0)
                .faultProfile(FaultProfile.preset("flaky"))
                .build())) {
            assertThat(server.faults().profile()).isEqualTo(FaultProfile.preset("flaky"));
        }
    }

    @Test
    void anUnknownPreloadedModelIsRejectedAtStart() {
        assertThatThrownBy(() -> LocalForecaster.start(LocalForecasterOptions.builder()
                        .port(0)
                        .preloadedModels(List.of("chronos2"))
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chronos2");
    }

    @Test
    void aPortInUseFailsToStart() {
        try (LocalForecaster first = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            assertThatThrownBy(() -> LocalForecaster.start(
                            LocalForecasterOptions.builder().port(first.port()).build()))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void aClosedServerRefusesConnectionsAndClosingTwiceIsHarmless() {
        final LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.ephemeral());
        final ForecasterHttp http = new ForecasterHttp(server.url());

        server.close();
        server.close();

        assertThatThrownBy(() -> http.get("/v1/health"))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void halfSentRequestsOnMoreConnectionsThanWorkersDoNotHoldTheServer() throws Exception {
        try (LocalForecaster server = LocalForecaster.start(
                LocalForecasterOptions.builder().port(0).workerThreads(2).build())) {
            final java.util.List<java.net.Socket> held = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    final java.net.Socket s =
                            new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port());
                    s.getOutputStream()
                            .write("GET /v1/health HTTP/1.1\r\nHost: x\r\n"
                                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    held.add(s);
                }
                // sixteen unfinished requests against a few threads: health still answers (20 s client timeout)
                assertThat(new ForecasterHttp(server.url()).get("/v1/health").statusCode())
                        .isEqualTo(200);
            } finally {
                for (final java.net.Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
