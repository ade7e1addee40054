package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key loading and bearer checks, and that keys never leak into text. */
class ApiKeysTest {

    @TempDir
    Path dir;

    @Test
    void keysAreReadOnePerLineSkippingBlanksAndComments() throws Exception {
        final Path file = dir.resolve("keys.txt");
        Files.writeString(file, "# demo keys\nalpha\n\n  beta  \n");

        assertThat(ApiKeys.load(file, null)).containsExactly("alpha", "beta");
    }

    @Test
    void keysFromTheEnvironmentValueAreCommaSeparatedAndMergedWithoutDuplicates() throws Exception {
        final Path file = dir.resolve("keys.txt");
        Files.writeString(file, "alpha\n");

        assertThat(ApiKeys.load(file, "beta, alpha,,gamma")).containsExactly("alpha", "beta", "gamma");
    }

    @Test
    void noFileAndNoEnvironmentMeansNoKeys() throws Exception {
        assertThat(ApiKeys.load(null, null)).isEmpty();
        assertThat(new ApiKeys(List.of()).disabled()).isTrue();
    }

    @Test
    void onlyABearerTokenEqualToAKeyIsAccepted() {
        final ApiKeys keys = new ApiKeys(List.of("alpha", "beta"));

        assertThat(keys.accepts("Bearer alpha")).isTrue();
        assertThat(keys.accepts("bearer beta")).isTrue();
        assertThat(keys.accepts("Bearer gamma")).isFalse();
        assertThat(keys.accepts("Basic alpha")).isFalse();
        assertThat(keys.accepts("alpha")).isFalse();
        assertThat(keys.accepts(null)).isFalse();
    }

    @Test
    void withoutKeysEverythingIsAccepted() {
        assertThat(new ApiKeys(List.of()).accepts(null)).isTrue();
    }

    @Test
    void keysNeverAppearInTextForm() {
        final ApiKeys keys = new ApiKeys(List.of("s3cret"));
        final LocalForecasterOptions options =
                LocalForecasterOptions.builder().apiKeys(List.of("s3cret")).build();

        assertThat(keys.toString()).doesNotContain("s3cret").contains("1 key");
        assertThat(options.toString()).doesNotContain("s3cret");
    }

    @Test
    void aBlankKeyIsRejected() {
        assertThatThrownBy(() -> new ApiKeys(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
    }
}
