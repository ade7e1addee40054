package io.tsfm.streams.model.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.forecaster.model.RelicensedModel;
import io.tsfm.streams.model.license.LicenseDecision.Verdict;
import io.tsfm.streams.model.license.ModelLicences.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A licence the start-up check could not read: re-read over real HTTP once the local forecaster is up, then
 * verified or refused; the re-read waits grow to a cap.
 */
class ModelLicencesTest {

    private static final List<String> ALLOWLIST = List.of("Apache-2.0");

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static LicenseGuard guard(final boolean override) {
        return new LicenseGuard(new LicensePolicy(ALLOWLIST), new ModelLicenseReader(null), override);
    }

    private static LocalForecaster forecasterOn(final int port) {
        return LocalForecaster.start(LocalForecasterOptions.builder()
                .port(port)
                .extraModels(List.of(new RelicensedModel("research-only", "cc-by-nc-4.0")))
                .build());
    }

    @Test
    void aModelWhoseServerIsDownAtStartIsUnverifiedAndVerifiedOnceTheServerAnswers() throws IOException {
        final int port = closedPort();
        final ModelRef model = ModelRef.of("mock", "http://127.0.0.1:" + port);
        final LicenseGuard guard = guard(false);
        final List<LicenseDecision> decisions = guard.check(List.of(model));
        final ModelLicences licences = new ModelLicences(guard, decisions, 5_000, 60_000);

        assertThat(decisions).extracting(LicenseDecision::verdict).containsExactly(Verdict.UNVERIFIED);
        assertThat(licences.state(model)).isEqualTo(State.UNVERIFIED);
        assertThat(licences.unverified()).containsExactly(model);
        assertThat(licences.recheck()).isEqualTo(10_000); // still down: the next wait doubles
        assertThat(licences.state(model)).isEqualTo(State.UNVERIFIED);

        try (LocalForecaster server = forecasterOn(port)) {
            assertThat(licences.recheck()).isEqualTo(-1);
        }
        assertThat(licences.state(model)).isEqualTo(State.VERIFIED);
        assertThat(licences.unverified()).isEmpty();
        assertThat(licences.refused()).isEmpty();
    }

    @Test
    void aLicenceReadAfterStartThatIsNotAllowedIsRefusedForGood() throws IOException {
        final int port = closedPort();
        final ModelRef model = ModelRef.of("research-only", "http://127.0.0.1:" + port);
        final LicenseGuard guard = guard(false);
        final ModelLicences licences = new ModelLicences(guard, guard.check(List.of(model)), 5_000, 60_000);

        try (LocalForecaster server = forecasterOn(port)) {
            assertThat(licences.recheck()).isEqualTo(-1);
        }

        assertThat(licences.state(model)).isEqualTo(State.REFUSED);
        assertThat(licences.refused()).containsExactly(model);
        assertThat(licences.unverified()).isEmpty();
    }

    @Test
    void withTheCheckOverriddenAnUnverifiedModelIsCalled() throws IOException {
        final ModelRef model = ModelRef.of("mock", "http://127.0.0.1:" + closedPort());
        final LicenseGuard guard = guard(true);

        final ModelLicences licences = new ModelLicences(guard, guard.check(List.of(model)), 5_000, 60_000);

        assertThat(licences.state(model)).isEqualTo(State.VERIFIED);
        assertThat(licences.unverified()).isEmpty();
    }

    @Test
    void aModelTheCheckDidNotCoverIsCallable() {
        assertThat(ModelLicences.unchecked().state(ModelRef.of("mock", "http://127.0.0.1:1")))
                .isEqualTo(State.VERIFIED);
    }

    @Test
    void theWaitBetweenReadsDoublesUpToItsCap() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 40))
                .map(n -> ModelLicences.delayAfter(n, 5_000, 60_000))
                .containsExactly(5_000L, 10_000L, 20_000L, 40_000L, 60_000L, 60_000L, 60_000L);
    }
}
