package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.LogRouting;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/** The demo's log file: library lines go to a file the demo names, so a newcomer sees the demo's own lines. */
final class DemoLogFile {
    private DemoLogFile() {}

    /**
     * Every log line goes to {@code file}; the console shows only the application's own WARN and ERROR
     * lines (the demo's output is printed, not logged). Configured by {@code log4j2-demo.properties}.
     */
    static LogRouting.Restore toFile(final Path file) {
        final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        final URI before = context.getConfigLocation();
        System.setProperty("tsfm.log.file", file.toAbsolutePath().toString());
        try {
            Configurator.reconfigure(
                    DemoLogFile.class.getResource("/log4j2-demo.properties").toURI());
        } catch (final URISyntaxException e) {
            throw new IllegalStateException("log4j2-demo.properties cannot be read from the jar", e);
        }
        return () -> Configurator.reconfigure(before);
    }
}
