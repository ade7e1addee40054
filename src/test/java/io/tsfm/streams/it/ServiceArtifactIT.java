package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.HouseRulesTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The service artifact the production image runs holds the service and the libraries it uses, and neither
 * the Kafka broker (with its Scala runtime) nor the tools; the all-in-one jar holds both.
 */
class ServiceArtifactIT {
    private static final Path SERVICE = Path.of("target", "tsfm-streams-service.jar");
    private static final Path ALL_IN_ONE = Path.of("target", "tsfm-streams.jar");
    /** The tools layer of the house rules: none of it may reach the service artifact. */
    private static final List<String> TOOLS = HouseRulesTest.toolPackages();

    private static List<String> entries(final Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).collect(Collectors.toList());
        }
    }

    @Test
    void theServiceJarHoldsNoBrokerNoScalaAndNoTools() throws IOException {
        final List<String> service = entries(SERVICE);
        assertThat(service)
                .contains(
                        "io/tsfm/streams/app/cli/ServiceMain.class",
                        "io/tsfm/streams/app/TsfmApp.class",
                        "org/apache/kafka/streams/KafkaStreams.class",
                        "org/eclipse/jetty/server/Server.class",
                        "librocksdbjni-linux64.so",
                        "librocksdbjni-linux-aarch64.so");
        assertThat(service)
                .noneMatch(e -> e.startsWith("kafka/server/")
                        || e.startsWith("scala/")
                        || e.startsWith("org/apache/kafka/raft/")
                        || e.startsWith("org/apache/kafka/controller/")
                        || e.startsWith("org/tukaani/")
                        || e.startsWith("org/jfree/")
                        || e.equals("log4j2-demo.properties"));
        for (final String tool : TOOLS) {
            assertThat(service)
                    .as("the %s package", tool)
                    .noneMatch(e -> e.startsWith("io/tsfm/streams/" + tool + "/"));
        }
        try (JarFile file = new JarFile(SERVICE.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.tsfm.streams.app.cli.ServiceMain");
        }
    }

    @Test
    void theAllInOneJarHoldsTheServiceTheToolsAndTheBroker() throws IOException {
        final List<String> all = entries(ALL_IN_ONE);
        assertThat(all)
                .contains(
                        "io/tsfm/streams/app/cli/ServiceMain.class",
                        "io/tsfm/streams/cli/Main.class",
                        "io/tsfm/streams/embedded/EmbeddedKafkaBroker.class",
                        "io/tsfm/streams/report/ReportBuilder.class",
                        "org/jfree/chart/JFreeChart.class",
                        "kafka/server/KafkaRaftServer.class");
        try (JarFile file = new JarFile(ALL_IN_ONE.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.tsfm.streams.cli.Main");
        }
    }
}
