package io.tsfm.streams.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofHours(6));
    private static final Instant T2 = T1.plus(Duration.ofHours(6));
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path tmp;

    private static Report report() {
        final SyntheticPeriods s = new SyntheticPeriods(5)
                .add("high", 4, T0, T1, 0.010, 0.5, 0, null)
                .add("high", 4, T1, T2, 0.016, 0.5, 0, null);
        return new ReportBuilder(Map.of(), Duration.ofDays(28), 0.05)
                .build(s.period(T1, T2), s.period(T0, T1), null, "no --prometheus given");
    }

    @Test
    void writesMarkdownWithLinkedChartsHtmlWithEmbeddedChartsAndJsonWithTheFigures() throws Exception {
        final Report r = report();
        ReportWriter.write(r, Set.of("md", "html", "json"), tmp);
        assertThat(tmp.resolve("fallback-share.png")).exists();
        for (final String png : new String[] {"fallback-share.png", "coverage-by-horizon.png", "latency.png"}) {
            assertThat(Files.readAllBytes(tmp.resolve(png))).startsWith(PNG_MAGIC);
        }
        final String md = Files.readString(tmp.resolve("report.md"), StandardCharsets.UTF_8);
        assertThat(md)
                .contains("## Health score: 90 / 100")
                .contains("![Served band coverage by horizon step](coverage-by-horizon.png)")
                .contains("MODEL REGRESSION on mock / high")
                .contains("SLO compliance from Prometheus was not available: no --prometheus given");
        final String html = Files.readString(tmp.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("<h2>Health score: 90 / 100</h2>")
                .contains("src=\"data:image/png;base64,iVBORw0KGgo");
        final JsonNode json = Json.mapper().readTree(tmp.resolve("report.json").toFile());
        assertThat(json.path("health").path("score").asInt()).isEqualTo(90);
        assertThat(json.path("findings").get(0).path("cause").asText()).isEqualTo("model regression");
        assertThat(json.path("forecasts").path("current").path("forecasts").asLong())
                .isEqualTo(288);
        assertThat(json.path("quality").path("coverage_by_step")).hasSize(12);
    }

    @Test
    void writesOnlyTheFormatsAskedFor() throws Exception {
        ReportWriter.write(report(), ReportWriter.formats("JSON"), tmp);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
        }
    }

    @Test
    void refusesAnUnknownFormat() {
        assertThatThrownBy(() -> ReportWriter.write(report(), Set.of("pdf"), tmp))
                .hasMessage("unknown format 'pdf'; valid: md, json, html");
    }

    @Test
    void saysWhyAChartIsMissingInsteadOfLinkingOrEmbeddingIt() {
        final Doc doc = new Doc()
                .image(Doc.Chart.missing("latency.png", "Latency", "chart not drawn (no fonts)"))
                .image(new Doc.Chart("ok.png", "Fine", PNG_MAGIC, null));

        assertThat(Renderers.markdown(doc))
                .contains("Latency: chart not drawn (no fonts)")
                .doesNotContain("latency.png")
                .contains("![Fine](ok.png)");
        assertThat(Renderers.html(doc, "t"))
                .contains("<p>Latency: chart not drawn (no fonts)</p>")
                .doesNotContain("alt=\"Latency\"")
                .contains("alt=\"Fine\"");
    }
}
