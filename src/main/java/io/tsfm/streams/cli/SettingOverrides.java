package io.tsfm.streams.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The repeatable {@code --set KEY=VALUE} option of the tools that lay app settings over their own. */
final class SettingOverrides {
    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "An app setting laid over this command's own, "
                    + "repeatable, e.g. --set calibration.enabled=false (docs/configuration.md).")
    Map<String, String> settings = new LinkedHashMap<>();

    Map<String, String> settings() {
        return settings;
    }
}
