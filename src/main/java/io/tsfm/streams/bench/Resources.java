package io.tsfm.streams.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the resources scenario reads after the cycle runs of the largest market count: heap and RSS while the
 * app runs, then its state dir on disk.
 */
record Resources(
        int markets,
        double heapUsedMb,
        double heapUsedAfterGcMb,
        double heapCommittedMb,
        double rssMb,
        double stateDirMb) {

    /** Heap and RSS while the app runs; then the state dir once closing has flushed the stores to disk. */
    static Resources snapshot(final int markets, final AppUnderTest app) {
        final var mem = ManagementFactory.getMemoryMXBean();
        final double used = mem.getHeapMemoryUsage().getUsed() / 1048576.0;
        final double committed = mem.getHeapMemoryUsage().getCommitted() / 1048576.0;
        final double rss = rssKb() / 1024.0;
        System.gc();
        final double afterGc = mem.getHeapMemoryUsage().getUsed() / 1048576.0;
        app.streams.close(java.time.Duration.ofSeconds(60));
        return new Resources(markets, used, afterGc, committed, rss, BenchFiles.sizeOf(app.stateDir) / 1048576.0);
    }

    static long rssKb() {
        try {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (final java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
