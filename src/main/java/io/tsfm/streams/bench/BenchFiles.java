package io.tsfm.streams.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The benchmark's scratch folders on disk (broker data, state dirs): their size for the resources report and
 * their best-effort removal, apart from the environment that creates them.
 */
final class BenchFiles {
    private BenchFiles() {}

    static long sizeOf(final Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (final IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(final Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (final IOException e) {
                    // best effort
                }
            });
        } catch (final IOException e) {
            // best effort
        }
    }
}
