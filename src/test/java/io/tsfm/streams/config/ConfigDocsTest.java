package io.tsfm.streams.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    @Test
    void configurationDocEmbedsTheCurrentSettingsTable() throws IOException {
        final String doc = Files.readString(Path.of("docs/configuration.md"));
        assertThat(doc)
                .as("docs/configuration.md is out of date: regenerate the table with "
                        + "`java -jar target/tsfm-streams.jar config-docs`")
                .contains(ConfigDocs.table());
    }

    @Test
    void tableHasOneRowPerSetting() {
        final long rows = ConfigDocs.table().lines().filter(l -> l.startsWith("| `")).count();
        assertThat(rows).isEqualTo(AppConfig.DEFINITION.names().size());
    }
}
