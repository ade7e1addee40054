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
        // pasting a regenerated table inside the old markers leaves stray ones around it
        assertThat(doc.split(java.util.regex.Pattern.quote(ConfigDocs.BEGIN), -1))
                .as("begin markers")
                .hasSize(2);
        assertThat(doc.split(java.util.regex.Pattern.quote(ConfigDocs.END), -1))
                .as("end markers")
                .hasSize(2);
    }

    @Test
    void tableHasOneRowPerSetting() {
        final long rows =
                ConfigDocs.table().lines().filter(l -> l.startsWith("| `")).count();
        assertThat(rows).isEqualTo(AppConfig.DEFINITION.names().size());
    }
}
