package io.tsfm.streams.evaluate;

import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.simulate.SimRecord;
import io.tsfm.streams.tick.TickParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A user's tick history: one input record per line (the {@code market-ticks} JSON), plain, {@code .xz} or
 * {@code .gz}, parsed by the stream's own {@link TickParser}, so that a line the stream would send to the DLQ
 * is left out here for the same reason, and counted.
 *
 * @param ticks    the valid ticks, in file order
 * @param lines    non-blank lines read
 * @param rejected rejected lines by DLQ reason
 * @param firstRejections the first few rejections, as "line N: reason: detail"
 */
public record TickFile(List<Tick> ticks, long lines, Map<String, Long> rejected, List<String> firstRejections) {
    private static final int KEPT_REJECTIONS = 5;

    public TickFile {
        ticks = Collections.unmodifiableList(ticks);
        rejected = Collections.unmodifiableMap(rejected);
        firstRejections = List.copyOf(firstRejections);
    }

    /**
     * Reads a file; the event time of a tick is never checked against a record timestamp (there is none),
     * every other rule of the stream's validation applies.
     *
     * @throws IOException when the file cannot be read or decompressed
     */
    public static TickFile read(final Path path) throws IOException {
        final TickParser parser = new TickParser(0L);
        final List<Tick> ticks = new ArrayList<>();
        final Map<String, Long> rejected = new TreeMap<>();
        final List<String> first = new ArrayList<>();
        long lines = 0;
        long number = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                final TickParser.Result r = parser.parse(null, line.getBytes(StandardCharsets.UTF_8), Long.MAX_VALUE);
                if (r.valid()) {
                    ticks.add(r.tick());
                } else {
                    rejected.merge(r.rejection().reason(), 1L, Long::sum);
                    if (first.size() < KEPT_REJECTIONS) {
                        first.add("line " + number + ": " + r.rejection().reason() + ": "
                                + r.rejection().detail());
                    }
                }
            }
        }
        return new TickFile(ticks, lines, rejected, first);
    }

    /**
     * The valid lines of a history as records to produce: key = market id, value = the line as written,
     * timestamp = the tick's event time; in event-time order (file order among equal times).
     */
    public static List<SimRecord> records(final Path path) throws IOException {
        final TickParser parser = new TickParser(0L);
        final List<SimRecord> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                final TickParser.Result r = line.isBlank() ? null : parser.parse(null, bytes, Long.MAX_VALUE);
                if (r != null && r.valid()) {
                    out.add(new SimRecord(r.tick().marketId(), bytes, r.tick().tsMs(), false));
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(SimRecord::timestampMs));
        return out;
    }

    private static InputStream open(final Path path) throws IOException {
        final InputStream raw = Files.newInputStream(path);
        final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xz")) {
                return new XZInputStream(raw);
            }
            if (name.endsWith(".gz")) {
                return new GZIPInputStream(raw);
            }
            return raw;
        } catch (final IOException e) {
            raw.close();
            throw new IOException("cannot decompress " + path + ": " + e.getMessage(), e);
        }
    }
}
