package io.tsfm.streams.app.cli;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.stream.TopologyDocs;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tsfm-streams topology}: prints the topology as Kafka describes it, or as a Mermaid diagram. */
@Command(
        name = "topology",
        mixinStandardHelpOptions = true,
        description = "Print the processing topology (text or Mermaid) for the deployment's settings: defaults, "
                + "--config, then TSFM_* variables, as run reads them.")
public final class TopologyCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", description = "text or mermaid (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ConfigFileOption configFile;

    @Override
    public Integer call() {
        final AppConfig config;
        try {
            config = configFile.load();
        } catch (final ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        switch (format) {
            case "text" -> System.out.print(TopologyDocs.text(config));
            case "mermaid" -> System.out.print(TopologyDocs.mermaid(config));
            default -> {
                System.err.println("Unknown --format '" + format + "': text or mermaid");
                return ExitCodes.CONFIG;
            }
        }
        return ExitCodes.OK;
    }
}
