package io.tsfm.streams.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.simulate.SimRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feeds simulated ticks to per-segment drift trackers the way the processor's cycle sees the model
 * input: at every 5-minute boundary, each market that ticked in the last 24 h contributes its newest
 * step close (the last price before the boundary, forward-filled) and that close's change.
 */
final class StepCloseFeed {

    private static final long STEP_MS = 300_000L;
    private static final long ACTIVE_MS = 24 * 3_600_000L;

    private final DriftSettings settings;
    private final Map<String, Market> markets = new LinkedHashMap<>();
    private final Map<String, DriftTracker> trackers = new TreeMap<>();
    private long nextBoundaryMs;

    StepCloseFeed(final DriftSettings settings, final long startMs) {
        this.settings = settings;
        this.nextBoundaryMs = Math.floorDiv(startMs, STEP_MS) * STEP_MS + STEP_MS;
    }

    void accept(final SimRecord record) {
        while (record.timestampMs() >= nextBoundaryMs) {
            closeStep(nextBoundaryMs);
            nextBoundaryMs += STEP_MS;
        }
        final JsonNode tick = parse(record.value());
        final Market market = markets.computeIfAbsent(record.key(), id -> new Market());
        market.lastP = tick.get("p_yes").asDouble();
        market.lastTickMs = record.timestampMs();
        market.bucket = tick.get("liquidity_bucket").asText();
    }

    /** Trackers by segment (liquidity bucket). */
    Map<String, DriftTracker> trackers() {
        return trackers;
    }

    private void closeStep(final long boundaryMs) {
        for (final Market market : markets.values()) {
            if (boundaryMs - market.lastTickMs > ACTIVE_MS) {
                continue;
            }
            final InputFeatures features = InputFeatures.of(market.previousClose, market.lastP);
            market.previousClose = market.lastP;
            trackers.computeIfAbsent(InputSegment.of(market.bucket), segment -> new DriftTracker(settings))
                    .observe(boundaryMs, features);
        }
    }

    private static JsonNode parse(final byte[] value) {
        try {
            return Json.mapper().readTree(value);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Market {
        private double lastP;
        private long lastTickMs;
        private String bucket;
        private double previousClose = Double.NaN;
    }
}
