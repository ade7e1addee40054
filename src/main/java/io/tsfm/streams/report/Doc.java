package io.tsfm.streams.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as a sequence of blocks (headings, paragraphs, lists, tables, charts), built once and rendered
 * twice, as Markdown and as HTML, so both say exactly the same.
 */
final class Doc {
    /** One block of the document. */
    sealed interface Block permits Heading, Para, Bullets, Table, Image {}

    /** A section title, level 1 to 3. */
    record Heading(int level, String text) implements Block {}

    /** A paragraph of plain text. */
    record Para(String text) implements Block {}

    /** A list of plain-text items (a finding's evidence). */
    record Bullets(List<String> items) implements Block {}

    /** A table: its header and rows of cells already formatted. */
    record Table(List<String> header, List<List<String>> rows) implements Block {}

    /** A chart: a linked file in Markdown, an embedded image in HTML. */
    record Image(Chart chart) implements Block {}

    /** A drawn chart: its file name (next to the report), its title and the PNG bytes. */
    record Chart(String file, String title, byte[] png, String notDrawn) {
        /** A chart that could not be drawn (e.g. a host without fonts): the documents say why instead. */
        static Chart missing(final String file, final String title, final String why) {
            return new Chart(file, title, new byte[0], why);
        }

        boolean drawn() {
            return notDrawn == null;
        }
    }

    private final List<Block> blocks = new ArrayList<>();

    List<Block> blocks() {
        return List.copyOf(blocks);
    }

    Doc heading(final int level, final String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    Doc para(final String text) {
        blocks.add(new Para(text));
        return this;
    }

    Doc bullets(final List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    Doc table(final List<String> header, final List<List<String>> rows) {
        blocks.add(new Table(List.copyOf(header), List.copyOf(rows)));
        return this;
    }

    Doc image(final Chart chart) {
        blocks.add(new Image(chart));
        return this;
    }
}
