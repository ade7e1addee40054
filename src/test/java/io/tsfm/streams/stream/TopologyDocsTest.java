package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.config.AppConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyDocsTest {
    private static final AppConfig DEFAULTS = AppConfig.of(Map.of());

    @Test
    void committedTextDescriptionMatchesTheCode() throws IOException {
        assertThat(Files.readString(Path.of("topology-docs/topology.txt")))
                .as("topology-docs/topology.txt is stale: see topology-docs/README.md")
                .isEqualTo(TopologyDocs.text(DEFAULTS));
    }

    @Test
    void committedMermaidDiagramMatchesTheCode() throws IOException {
        assertThat(Files.readString(Path.of("topology-docs/topology.mmd")))
                .as("topology-docs/topology.mmd is stale: see topology-docs/README.md")
                .isEqualTo(TopologyDocs.mermaid(DEFAULTS));
    }

    @Test
    void diagramShowsEveryTopicAndStore() {
        assertThat(TopologyDocs.mermaid(DEFAULTS))
                .contains(
                        "[/\"market-ticks\"/]",
                        "[/\"tsfm-forecasts\"/]",
                        "[/\"tsfm-fallback-events\"/]",
                        "[/\"market-ticks-dlq\"/]")
                .contains(
                        "[(\"step-closes\")]",
                        "[(\"market-state\")]",
                        "[(\"pending-forecasts\")]",
                        "[(\"cycle-state\")]",
                        "[(\"latest-forecast\")]")
                .contains("n_forecast -.- s_pending_forecasts");
    }
}
