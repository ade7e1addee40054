package io.tsfm.streams.model.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterExtension;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.forecaster.model.RelicensedModel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reader against the real local forecaster, over real HTTP. */
class ModelLicenseReaderTest {

    @RegisterExtension
    static final LocalForecasterExtension SERVER = new LocalForecasterExtension(LocalForecasterOptions.builder()
            .port(0)
            .extraModels(List.of(
                    new RelicensedModel("research-only", "cc-by-nc-4.0"), new RelicensedModel("unlicensed", null)))
            .build());

    private final ModelLicenseReader reader = new ModelLicenseReader(null);

    private static ModelRef model(final String name) {
        return ModelRef.of(name, SERVER.server().url());
    }

    @Test
    void readsTheApacheLicenceOfTheLocalModels() {
        assertThat(reader.read(model("local-ets-damped")))
                .isEqualTo(new LicenseReading.Reported("apache-2.0", false, true));
        assertThat(reader.read(model("mock"))).isEqualTo(new LicenseReading.Reported("apache-2.0", false, true));
    }

    @Test
    void readsANonCommercialLicenceAsReported() {
        assertThat(reader.read(model("research-only")))
                .isEqualTo(new LicenseReading.Reported("cc-by-nc-4.0", false, true));
    }

    @Test
    void readsAMissingLicenceTypeAsNull() {
        assertThat(reader.read(model("unlicensed"))).isEqualTo(new LicenseReading.Reported(null, false, true));
    }

    @Test
    void aModelThatIsNotInstalledIsUnreadable() {
        assertThat(reader.read(model("chronos2")))
                .isEqualTo(new LicenseReading.Unreadable(
                        "the model is not installed on the model server (POST /api/show answered 404)", false));
    }

    @Test
    void anUnreachableServerIsUnreadableForNow() throws IOException {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(reader.read(ModelRef.of("chronos2", "http://127.0.0.1:" + closedPort)))
                .isEqualTo(new LicenseReading.Unreadable("cannot connect to the model server", true));
    }

    @Test
    void sendsTheBearerTokenAndReportsARefusedOne() {
        final String key = "tk-4b1d9e7a-licence-test";
        try (LocalForecaster secured = LocalForecaster.start(
                LocalForecasterOptions.builder().port(0).apiKeys(List.of(key)).build())) {
            final ModelRef model = ModelRef.of("mock", secured.url());

            assertThat(new ModelLicenseReader(key).read(model))
                    .isEqualTo(new LicenseReading.Reported("apache-2.0", false, true));
            assertThat(new ModelLicenseReader(null).read(model))
                    .isEqualTo(new LicenseReading.Unreadable(
                            "the model server refused the credentials (POST /api/show answered 401); check tollama.api.key",
                            false));
        }
    }
}
