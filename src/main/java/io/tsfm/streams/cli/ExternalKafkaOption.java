package io.tsfm.streams.cli;

import picocli.CommandLine.Option;

/** The {@code --bootstrap-servers} option of the tools that start an embedded broker unless given a cluster. */
final class ExternalKafkaOption {
    @Option(names = "--bootstrap-servers", description = "Use this Kafka cluster instead of the embedded broker.")
    String bootstrapServers;

    /** The cluster given, null for the embedded broker. */
    String bootstrapServers() {
        return bootstrapServers;
    }
}
