package io.tsfm.streams.simulate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a good tick into the kinds of bad input a real feed delivers, so the app's validation and
 * dead-letter path get exercised: random bytes, a missing required field, p_yes out of [0, 1], p_yes
 * as the string "NaN", and an unparseable timestamp.
 */
final class MalformedTicks {

    /** The kinds of damage, chosen with equal probability. */
    enum Kind {
        RANDOM_BYTES,
        MISSING_FIELD,
        P_OUT_OF_RANGE,
        P_NAN_STRING,
        BAD_TIMESTAMP
    }

    private static final String[] REQUIRED_FIELDS = {"market_id", "ts", "p_yes"};
    private static final String[] BAD_TIMESTAMPS = {"\"2026-13-45T25:61:00Z\"", "\"yesterday\"", "\"\""};

    private MalformedTicks() {}

    static byte[] corrupt(final Tick tick, final SimRandom rng) {
        final Kind kind = Kind.values()[rng.nextInt(Kind.values().length)];
        final Map<String, String> fields = fields(tick);
        if (kind == Kind.RANDOM_BYTES) {
            return randomBytes(rng);
        }
        switch (kind) {
            case MISSING_FIELD -> fields.remove(REQUIRED_FIELDS[rng.nextInt(REQUIRED_FIELDS.length)]);
            case P_OUT_OF_RANGE -> {
                final double excess = Tick.round(rng.uniform(0.01, 0.5), 4);
                fields.put("p_yes", Tick.decimal(rng.chance(0.5) ? 1.0 + excess : -excess, 4));
            }
            case P_NAN_STRING -> fields.put("p_yes", "\"NaN\"");
            case BAD_TIMESTAMP -> fields.put("ts", BAD_TIMESTAMPS[rng.nextInt(BAD_TIMESTAMPS.length)]);
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        return json(fields).getBytes(StandardCharsets.UTF_8);
    }

    /** 1-40 random bytes led by 0xFF, which never occurs in UTF-8, so they can never parse as JSON. */
    private static byte[] randomBytes(final SimRandom rng) {
        final byte[] bytes = new byte[1 + rng.nextInt(40)];
        bytes[0] = (byte) 0xFF;
        for (int i = 1; i < bytes.length; i++) {
            bytes[i] = (byte) rng.nextInt(256);
        }
        return bytes;
    }

    private static Map<String, String> fields(final Tick tick) {
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("market_id", "\"" + tick.marketId() + "\"");
        fields.put("ts", "\"" + Tick.formatTimestamp(tick.timestampMs()) + "\"");
        fields.put("p_yes", Tick.decimal(tick.pYes(), 4));
        fields.put("liquidity_bucket", "\"" + tick.liquidityBucket() + "\"");
        fields.put("volume_24h", Tick.decimal(tick.volume24h(), 2));
        fields.put("open_interest", Tick.decimal(tick.openInterest(), 2));
        return fields;
    }

    private static String json(final Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
