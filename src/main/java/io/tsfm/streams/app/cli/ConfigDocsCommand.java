package io.tsfm.streams.app.cli;

import io.tsfm.streams.config.ConfigDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tsfm-streams config-docs}: prints the settings table that docs/configuration.md embeds. */
@Command(
        name = "config-docs",
        mixinStandardHelpOptions = true,
        description = "Print every setting with its environment variable, default and description (Markdown).")
public final class ConfigDocsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.print(ConfigDocs.table());
        return ExitCodes.OK;
    }
}
