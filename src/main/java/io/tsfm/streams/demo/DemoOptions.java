package io.tsfm.streams.demo;

import java.util.List;
import java.util.Map;

/**
 * What the demo runs: markets and event-time span of the simulation, its speed, and which broker and
 * model server to use (embedded ones unless given), app settings on top of the demo's (e.g. a rollout
 * stage and candidate) and when the simulator injects input drift.
 */
public record DemoOptions(
        int markets,
        double hours,
        double speed,
        long seed,
        String bootstrapServers,
        String modelUrl,
        String model,
        String fault,
        List<String> watch,
        boolean exitWhenDone,
        long summaryIntervalMs,
        int opsPort,
        Map<String, String> settings,
        String driftAt) {

    /** The options without extra settings or input drift. */
    public DemoOptions(
            final int markets,
            final double hours,
            final double speed,
            final long seed,
            final String bootstrapServers,
            final String modelUrl,
            final String model,
            final String fault,
            final List<String> watch,
            final boolean exitWhenDone,
            final long summaryIntervalMs,
            final int opsPort) {
        this(
                markets,
                hours,
                speed,
                seed,
                bootstrapServers,
                modelUrl,
                model,
                fault,
                watch,
                exitWhenDone,
                summaryIntervalMs,
                opsPort,
                Map.of(),
                null);
    }
}
