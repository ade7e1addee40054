package io.tsfm.streams.report;

import java.util.Base64;
import java.util.List;

/** Renders a {@link Doc} as Markdown (charts linked as files beside it) or as one HTML page (charts embedded). */
final class Renderers {
    private Renderers() {}

    static String markdown(final Doc doc) {
        final StringBuilder out = new StringBuilder();
        for (final Doc.Block b : doc.blocks()) {
            if (b instanceof Doc.Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Doc.Para p) {
                out.append(p.text()).append("\n\n");
            } else if (b instanceof Doc.Bullets l) {
                l.items().forEach(i -> out.append("- ").append(i).append('\n'));
                out.append('\n');
            } else if (b instanceof Doc.Table t) {
                out.append(mdRow(t.header()));
                out.append(mdRow(t.header().stream().map(x -> "---").toList()));
                t.rows().forEach(r -> out.append(mdRow(r)));
                out.append('\n');
            } else if (b instanceof Doc.Image i && !i.chart().drawn()) {
                out.append(i.chart().title())
                        .append(": ")
                        .append(i.chart().notDrawn())
                        .append("\n\n");
            } else if (b instanceof Doc.Image i) {
                out.append("![")
                        .append(i.chart().title())
                        .append("](")
                        .append(i.chart().file())
                        .append(")\n\n");
            }
        }
        return out.toString();
    }

    private static String mdRow(final List<String> cells) {
        return "| "
                + String.join(
                        " | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
    }

    static String html(final Doc doc, final String title) {
        final StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>")
                .append(esc(title))
                .append("</title><style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;")
                .append("padding:3px 8px;text-align:right}th{background:#f2f2f2}td:first-child,th:first-child")
                .append("{text-align:left}img{max-width:100%}</style></head><body>\n");
        for (final Doc.Block b : doc.blocks()) {
            if (b instanceof Doc.Heading h) {
                out.append("<h").append(h.level()).append('>').append(esc(h.text()));
                out.append("</h").append(h.level()).append(">\n");
            } else if (b instanceof Doc.Para p) {
                out.append("<p>").append(esc(p.text())).append("</p>\n");
            } else if (b instanceof Doc.Bullets l) {
                out.append("<ul>");
                l.items().forEach(i -> out.append("<li>").append(esc(i)).append("</li>"));
                out.append("</ul>\n");
            } else if (b instanceof Doc.Table t) {
                out.append("<table><tr>");
                t.header().forEach(c -> out.append("<th>").append(esc(c)).append("</th>"));
                out.append("</tr>\n");
                for (final List<String> r : t.rows()) {
                    out.append("<tr>");
                    r.forEach(c -> out.append("<td>").append(esc(c)).append("</td>"));
                    out.append("</tr>\n");
                }
                out.append("</table>\n");
            } else if (b instanceof Doc.Image i && !i.chart().drawn()) {
                out.append("<p>")
                        .append(esc(i.chart().title() + ": " + i.chart().notDrawn()))
                        .append("</p>\n");
            } else if (b instanceof Doc.Image i) {
                out.append("<figure><img alt=\"")
                        .append(esc(i.chart().title()))
                        .append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(i.chart().png()))
                        .append("\"><figcaption>")
                        .append(esc(i.chart().title()))
                        .append("</figcaption></figure>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static String esc(final String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
