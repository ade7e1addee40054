package io.tsfm.streams.report;

import io.tsfm.streams.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a report in the formats asked for into a directory: {@code report.md} with its charts as PNG files
 * beside it, {@code report.html} with the charts embedded, {@code report.json} with every figure.
 */
public final class ReportWriter {
    /** The formats {@code --format} accepts. */
    public static final Set<String> FORMATS = Set.of("md", "json", "html");

    private ReportWriter() {}

    /**
     * Writes the formats and returns the files written.
     *
     * @throws IllegalArgumentException for an unknown format
     */
    public static List<Path> write(final Report report, final Set<String> formats, final Path dir) throws IOException {
        for (final String f : formats) {
            if (!FORMATS.contains(f)) {
                throw new IllegalArgumentException("unknown format '" + f + "'; valid: md, json, html");
            }
        }
        Files.createDirectories(dir);
        final List<Path> written = new ArrayList<>();
        if (formats.contains("md") || formats.contains("html")) {
            final List<Doc.Chart> charts = Charts.of(report);
            final Doc doc = ReportDocument.of(report, charts);
            if (formats.contains("md")) {
                for (final Doc.Chart c : charts) {
                    if (c.drawn()) {
                        written.add(Files.write(dir.resolve(c.file()), c.png()));
                    }
                }
                written.add(
                        Files.writeString(dir.resolve("report.md"), Renderers.markdown(doc), StandardCharsets.UTF_8));
            }
            if (formats.contains("html")) {
                final String title = "tsfm-streams report " + report.period().from();
                written.add(Files.writeString(
                        dir.resolve("report.html"), Renderers.html(doc, title), StandardCharsets.UTF_8));
            }
        }
        if (formats.contains("json")) {
            written.add(Files.writeString(
                    dir.resolve("report.json"),
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report),
                    StandardCharsets.UTF_8));
        }
        return written;
    }

    /** The formats of a comma-separated list such as {@code md,json}, lower-cased. */
    public static Set<String> formats(final String list) {
        final Set<String> out = new TreeSet<>();
        for (final String f : list.split(",", -1)) {
            out.add(f.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
