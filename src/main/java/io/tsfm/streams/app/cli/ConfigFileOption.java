package io.tsfm.streams.app.cli;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option of every command that reads the app's settings, and their loading. */
public final class ConfigFileOption {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The app's properties: any setting of "
                    + "docs/configuration.md and any Kafka Streams or client property; TSFM_* environment variables "
                    + "override it (e.g. TSFM_TOLLAMA_MODEL).")
    Path file;

    /** The file given, null without one. */
    public Path file() {
        return file;
    }

    /** The settings: defaults, then the file, then TSFM_* variables; a bad one throws ConfigException naming it. */
    public AppConfig load() {
        return ConfigLoader.load(file, System.getenv());
    }
}
