package io.tsfm.streams.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's metrics file: per-metric arrays aligned by window, strictly validated. */
class MetricsFileTest {

    @TempDir
    Path dir;

    private static String file(
            final String windowMinutes,
            final String p95,
            final String error,
            final String fallback,
            final String breaker,
            final String invalid) {
        return "{" + (windowMinutes == null ? "" : "\"window_minutes\": " + windowMinutes + ",")
                + "\"metrics\": {\"p95_latency_ms\": " + p95 + ", \"error_rate\": " + error
                + ", \"fallback_rate\": " + fallback + ", \"breaker_open_rate\": " + breaker
                + ", \"invalid_output_rate\": " + invalid + "}}";
    }

    private static String withP95(final String p95) {
        return file("5", p95, "[0.001, 0.002]", "[0.04, 0.05]", "[0.0, 0.01]", "[0, 0]");
    }

    @Test
    void theArraysBecomeWindowsInOrder() {
        final MetricsInput input = MetricsFile.parse(
                file("10", "[240, 260.5]", "[0.002, 0.001]", "[0.04, 0.05]", "[0.01, 0.02]", "[0, 0]"));

        assertThat(input.windowMinutes()).isEqualTo(10);
        assertThat(input.windows())
                .containsExactly(new Window(240.0, 0.002, 0.04, 0.01, 0.0), new Window(260.5, 0.001, 0.05, 0.02, 0.0));
    }

    @Test
    void windowMinutesDefaultsToFiveAndOtherKeysAreIgnoredAsInTheSeed() {
        final String json = "{\"note\": \"drill\", \"metrics\": {\"p95_latency_ms\": [250], \"error_rate\": [0.0],"
                + " \"fallback_rate\": [0.0], \"breaker_open_rate\": [0.0], \"invalid_output_rate\": [0],"
                + " \"cache_hit_rate\": [0.7]}}";

        final MetricsInput input = MetricsFile.parse(json);

        assertThat(input.windowMinutes()).isEqualTo(5);
        assertThat(input.windows()).containsExactly(new Window(250.0, 0.0, 0.0, 0.0, 0.0));
    }

    @Test
    void aWholeNumberWrittenWithADecimalPointIsAcceptedAsWindowMinutes() {
        assertThat(MetricsFile.parse(file("5.0", "[1]", "[0]", "[0]", "[0]", "[0]"))
                        .windowMinutes())
                .isEqualTo(5);
    }

    @Test
    void aMissingMetricIsNamed() {
        final String json = "{\"metrics\": {\"p95_latency_ms\": [250], \"fallback_rate\": [0.0],"
                + " \"breaker_open_rate\": [0.0], \"invalid_output_rate\": [0]}}";

        assertThatThrownBy(() -> MetricsFile.parse(json))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessage("missing metrics keys: [error_rate]");
    }

    @Test
    void aMissingMetricsObjectIsRejected() {
        assertThatThrownBy(() -> MetricsFile.parse("{\"window_minutes\": 5}"))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessageStartingWith("\"metrics\" must be an object");
    }

    @Test
    void arraysOfDifferentLengthsAreRejectedWithTheirLengths() {
        assertThatThrownBy(
                        () -> MetricsFile.parse(file("5", "[250, 260]", "[0.0]", "[0.0, 0.0]", "[0.0, 0.0]", "[0, 0]")))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessage("metrics length mismatch: {p95_latency_ms=2, error_rate=1, fallback_rate=2, "
                        + "breaker_open_rate=2, invalid_output_rate=2}");
    }

    @Test
    void emptyArraysAreRejected() {
        assertThatThrownBy(() -> MetricsFile.parse(file("5", "[]", "[]", "[]", "[]", "[]")))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessage("empty metric windows");
    }

    @Test
    void nonNumericValuesAreRejectedWithTheirPosition() {
        assertThatThrownBy(() -> MetricsFile.parse(withP95("[250, \"260\"]")))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessage("metrics.p95_latency_ms[1] must be a number, got \"260\"");
        assertThatThrownBy(() -> MetricsFile.parse(withP95("[null, 260]")))
                .hasMessage("metrics.p95_latency_ms[0] must be a number, got null");
        assertThatThrownBy(() -> MetricsFile.parse(withP95("[true, 260]")))
                .hasMessage("metrics.p95_latency_ms[0] must be a number, got true");
        assertThatThrownBy(() -> MetricsFile.parse(withP95("250")))
                .hasMessage("metrics.p95_latency_ms must be an array of numbers, got 250");
    }

    @Test
    void negativeValuesAreRejected() {
        assertThatThrownBy(() -> MetricsFile.parse(
                        file("5", "[250, 260]", "[0.001, -0.002]", "[0.04, 0.05]", "[0.0, 0.01]", "[0, 0]")))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessage("metrics.error_rate[1] must be >= 0, got -0.002");
    }

    @Test
    void nonFiniteValuesAreRejected() {
        assertThatThrownBy(() -> MetricsFile.parse(withP95("[250, 1e400]")))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessageStartingWith("metrics.p95_latency_ms[1] must be finite");
        assertThatThrownBy(() -> MetricsFile.parse(withP95("[250, NaN]")))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessageStartingWith("not valid JSON");
    }

    @Test
    void aBadWindowLengthIsRejected() {
        for (final String bad : new String[] {"0", "-5", "2.5", "\"5\"", "true", "null"}) {
            assertThatThrownBy(() -> MetricsFile.parse(file(bad, "[1]", "[0]", "[0]", "[0]", "[0]")))
                    .isInstanceOf(InvalidMetricsException.class)
                    .hasMessageStartingWith("window_minutes must be a whole number > 0, got ");
        }
    }

    @Test
    void invalidJsonAndNonObjectsAreRejected() {
        assertThatThrownBy(() -> MetricsFile.parse("{\"metrics\": "))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> MetricsFile.parse("[1, 2]"))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessageStartingWith("the top level must be a JSON object");
        assertThatThrownBy(() -> MetricsFile.parse(""))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessageStartingWith("the top level must be a JSON object");
        assertThatThrownBy(() -> MetricsFile.parse(withP95("[250, 260]") + " {}"))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessageStartingWith("not valid JSON");
    }

    @Test
    void aDuplicateKeyIsRejectedRatherThanSilentlyOverwritten() {
        final String json = "{\"metrics\": {\"p95_latency_ms\": [999], \"p95_latency_ms\": [250],"
                + " \"error_rate\": [0.0], \"fallback_rate\": [0.0], \"breaker_open_rate\": [0.0],"
                + " \"invalid_output_rate\": [0]}}";

        assertThatThrownBy(() -> MetricsFile.parse(json))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessageContaining("Duplicate field 'p95_latency_ms'");
    }

    @Test
    void anUnreadableFileIsReportedWithItsPath() throws Exception {
        final Path missing = dir.resolve("missing.json");
        final Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{not json");

        assertThatThrownBy(() -> MetricsFile.read(missing))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessage("cannot read " + missing + ": no such file");
        assertThatThrownBy(() -> MetricsFile.read(broken))
                .isInstanceOf(InvalidMetricsException.class)
                .hasMessageStartingWith(broken + ": not valid JSON");
    }
}
