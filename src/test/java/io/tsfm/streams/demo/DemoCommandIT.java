package io.tsfm.streams.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;

/** {@code tsfm-streams demo} as a newcomer runs it: its own lines on the console, the libraries' in a file. */
class DemoCommandIT {

    @Test
    void sendsTheLibrariesLogLinesToTheFileItNamesAndRestoresTheLoggingAfterwards() throws Exception {
        final PrintStream console = System.out;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final StringWriter err = new StringWriter();
        final int exit;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            exit = Main.commandLine()
                    .setErr(new PrintWriter(err))
                    .execute(
                            "demo",
                            "--markets",
                            "3",
                            "--hours",
                            "3",
                            "--speed",
                            "0",
                            "--exit-when-done",
                            "--ops-port",
                            "0",
                            "--summary-seconds",
                            "1");
        } finally {
            System.setOut(console);
        }
        final String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(err.toString()).isZero();
        final Matcher named = Pattern.compile(
                        "^demo: library log lines go to (\\S+) \\(--verbose prints them here\\)$", Pattern.MULTILINE)
                .matcher(printed);
        assertThat(named.find()).as(printed).isTrue();
        final Path log = Path.of(named.group(1));
        assertThat(printed).startsWith(named.group()).contains("demo: the full log is in " + log);
        // Jetty's and the app's INFO lines are in the file, not on the console
        assertThat(Files.readString(log))
                .contains("Server - Started oejs.Server")
                .contains("LocalForecaster - local forecaster listening on http://127.0.0.1:");
        assertThat(printed).doesNotContain("oejs.Server").doesNotContain("NetworkClient");
        assertThat(((LoggerContext) LogManager.getContext(false))
                        .getConfiguration()
                        .getAppenders())
                .as("the test JVM's own logging is back")
                .doesNotContainKey("file");
    }
}
