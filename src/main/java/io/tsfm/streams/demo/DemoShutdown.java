package io.tsfm.streams.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the demo stops: each part is closed even when an earlier one fails (the failure is logged), and its
 * temporary data is always removed.
 */
final class DemoShutdown {
    /** The demo's own logger: these lines are the demo's. */
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

    private DemoShutdown() {}

    /** A step of shutting down that may fail without stopping the others. */
    interface Step {
        void run() throws Exception;
    }

    static void quietly(final Step step) {
        try {
            step.run();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final Exception e) {
            LOG.warn("demo: error while stopping: {}", e.toString());
        }
    }

    static void deleteQuietly(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (final IOException e) {
                    LOG.debug("cannot delete {}", p);
                }
            });
        } catch (final IOException e) {
            LOG.warn("cannot delete demo data in {}: {}", dir, e.getMessage());
        }
    }
}
