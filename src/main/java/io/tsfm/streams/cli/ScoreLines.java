package io.tsfm.streams.cli;

import io.tsfm.streams.json.Json;
import io.tsfm.streams.score.ForecastScore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Score records written one JSON object per line, as the scores topic holds them: what {@code evaluate} and
 * {@code backtest} write with {@code --scores}, so an offline evaluation and a replay can be compared record by
 * record. Without a file, writing does nothing.
 */
final class ScoreLines implements AutoCloseable {
    private final BufferedWriter out;

    private ScoreLines(final BufferedWriter out) {
        this.out = out;
    }

    /** Writes to {@code file} (created or truncated), or nowhere when it is null. */
    static ScoreLines open(final Path file) throws IOException {
        return new ScoreLines(file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    void write(final ForecastScore score) {
        if (out == null) {
            return;
        }
        try {
            out.write(Json.mapper().writeValueAsString(score));
            out.newLine();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
