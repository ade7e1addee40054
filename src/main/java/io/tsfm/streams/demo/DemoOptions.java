package io.tsfm.streams.demo;

import java.util.List;

/**
 * What the demo runs: markets and event-time span of the simulation, its speed, and which broker and
 * model server to use (embedded ones unless given).
 */
public record DemoOptions(int markets, double hours, double speed, long seed, String bootstrapServers,
                          String modelUrl, String model, String fault, List<String> watch, boolean exitWhenDone,
                          long summaryIntervalMs, int opsPort) {
}
