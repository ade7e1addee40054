package io.tsfm.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.forecaster.LocalForecasterExtension;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.forecaster.model.RelicensedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run} and {@code demo} refuse to start, with exit code 4 and the documented message, when the model's
 * licence is not allowed or cannot be determined, before Kafka is touched (the broker address here is closed).
 */
class LicenceRefusalTest {

    @RegisterExtension
    static final LocalForecasterExtension SERVER = new LocalForecasterExtension(LocalForecasterOptions.builder()
            .port(0)
            .extraModels(List.of(new RelicensedModel("research-only", "cc-by-nc-4.0")))
            .build());

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void runRefusesAModelWhoseLicenceIsNotAllowed() throws IOException {
        final Path config = config("research-only");

        final int exitCode = execute("run", "--config", config.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.LICENSE_REFUSED).isEqualTo(4);
        assertThat(err.toString())
                .isEqualTo(String.join(
                                "\n",
                                "Refusing to start: a configured model's licence is not allowed or cannot be determined.",
                                "  model 'research-only' on " + SERVER.server().url()
                                        + ": licence 'cc-by-nc-4.0' is not on the allowlist",
                                "Allowed licences (model.license.allowlist): Apache-2.0, MIT, BSD-2-Clause, BSD-3-Clause",
                                "To start anyway, set model.license.check.override=true (TSFM_MODEL_LICENSE_CHECK_OVERRIDE=true); "
                                        + "every start then logs a WARN naming each refused model and its licence.")
                        + System.lineSeparator());
    }

    @Test
    void runRefusesAModelWhoseLicenceCannotBeDetermined() throws IOException {
        final Path config = config("chronos2");

        final int exitCode = execute("run", "--config", config.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.LICENSE_REFUSED);
        assertThat(err.toString())
                .contains("  model 'chronos2' on " + SERVER.server().url() + ": licence unknown: "
                        + "the model is not installed on the model server (POST /api/show answered 404)");
    }

    @Test
    void demoRefusesAModelWhoseLicenceIsNotAllowed() {
        final int exitCode =
                execute("demo", "--model-url", SERVER.server().url(), "--model", "research-only", "--ops-port", "0");

        assertThat(exitCode).isEqualTo(ExitCodes.LICENSE_REFUSED);
        assertThat(err.toString())
                .startsWith("Refusing to start: a configured model's licence is not allowed or cannot be determined.")
                .contains("  model 'research-only' on " + SERVER.server().url()
                        + ": licence 'cc-by-nc-4.0' is not on the allowlist");
    }

    private int execute(final String... args) {
        final CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path config(final String model) throws IOException {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        final Path file = dir.resolve("app.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "bootstrap.servers=127.0.0.1:" + closedPort,
                        "tollama.url=" + SERVER.server().url(),
                        "tollama.model=" + model,
                        "ops.port=0",
                        ""));
        return file;
    }
}
