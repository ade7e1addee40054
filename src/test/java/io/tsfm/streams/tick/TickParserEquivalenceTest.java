package io.tsfm.streams.tick;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming {@link TickParser} against the tree-based parser it replaced ({@link TreeTickParser}): the
 * same verdict, reason and detail for ticks, damaged ticks and byte soup. The inputs are seeded, so a
 * failure names an input that fails again.
 */
class TickParserEquivalenceTest {
    private static final long SKEW_MS = 3_600_000L;
    private static final long RECORD_TS = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();
    private static final String[] NAMES = {
        "market_id",
        "ts",
        "p_yes",
        "liquidity_bucket",
        "volume_24h",
        "open_interest",
        "source",
        "extra",
        "Market_Id",
        "p_yes ",
        "",
        "ts\\u0000",
        "p\\u005fyes"
    };
    private static final String[] SCALARS = {
        "\"m1\"",
        "\"m2\"",
        "\"\"",
        "\"  \"",
        "\"m1\\u0000\"",
        "\"\\ud800\"",
        "\"2024-05-01T11:55:00Z\"",
        "\" 2024-05-01T13:55:00+02:00 \"",
        "\"2024-05-01T11:55:00\"",
        "\"yesterday\"",
        "\"1999-12-31T23:59:59Z\"",
        "\"NaN\"",
        "\" -Infinity \"",
        "\"inf\"",
        "\"0.42\"",
        "\"HIGH \"",
        "\"mid\"",
        "1714564500000",
        "1714564500000.0",
        "1714564500000.5",
        "1.7145645E12",
        "1714564500",
        "-0",
        "-0.0",
        "0",
        "1",
        "1.0",
        "0.42",
        "1.0001",
        "-0.01",
        "42",
        "1e400",
        "-1e400",
        "1e-400",
        "9.2e18",
        "9.3e18",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999",
        "2147483648",
        "true",
        "false",
        "null",
        "{}",
        "[]",
        "{\"s\":1}",
        "[0.42]",
        "[[{\"a\":[null]}]]"
    };
    private static final byte[] NOISE = "{}[]\":,\\ \t\nx0-.eE\u00e9".getBytes(StandardCharsets.UTF_8);

    private final TickParser parser = new TickParser(SKEW_MS);
    private final TreeTickParser tree = new TreeTickParser(SKEW_MS);

    @Test
    void givesTheTreeParsersVerdictForEveryInput() {
        final Random rng = new Random(20261123L);
        final String[] keys = {null, "", "m1", "m2"};
        for (int i = 0; i < 30_000; i++) {
            final byte[] value = input(rng);
            final String key = keys[rng.nextInt(keys.length)];
            final TickParser.Result expected = tree.parse(key, value, RECORD_TS);
            final TickParser.Result actual = parser.parse(key, value, RECORD_TS);
            assertThat(actual)
                    .as("input %d, key %s: %s", i, key, new String(value, StandardCharsets.UTF_8))
                    .isEqualTo(expected);
        }
    }

    private static byte[] input(final Random rng) {
        final byte[] json = object(rng).getBytes(StandardCharsets.UTF_8);
        return switch (rng.nextInt(6)) {
            case 0 -> mutate(json, rng);
            case 1 -> java.util.Arrays.copyOf(json, rng.nextInt(json.length + 1));
            case 2 ->
                (new String(json, StandardCharsets.UTF_8) + SCALARS[rng.nextInt(SCALARS.length)])
                        .getBytes(StandardCharsets.UTF_8);
            case 3 -> SCALARS[rng.nextInt(SCALARS.length)].getBytes(StandardCharsets.UTF_8);
            default -> json;
        };
    }

    private static String object(final Random rng) {
        final List<String> fields = new ArrayList<>();
        if (rng.nextInt(10) > 0) {
            fields.add("\"market_id\":" + (rng.nextInt(4) > 0 ? "\"m1\"" : value(rng, 0)));
        }
        if (rng.nextInt(10) > 0) {
            fields.add("\"ts\":" + (rng.nextInt(3) > 0 ? "1714564500000" : value(rng, 0)));
        }
        if (rng.nextInt(10) > 0) {
            fields.add("\"p_yes\":" + (rng.nextInt(3) > 0 ? "0.42" : value(rng, 0)));
        }
        final int more = rng.nextInt(4);
        for (int i = 0; i < more; i++) {
            fields.add(rng.nextInt(fields.size() + 1), "\"" + NAMES[rng.nextInt(NAMES.length)] + "\":" + value(rng, 0));
        }
        return "{" + String.join(",", fields) + "}";
    }

    private static String value(final Random rng, final int depth) {
        final int pick = rng.nextInt(depth > 2 ? 1 : 5);
        if (pick == 1) {
            return "[" + value(rng, depth + 1) + "," + value(rng, depth + 1) + "]";
        }
        if (pick == 2) {
            return "{\"" + NAMES[rng.nextInt(NAMES.length)] + "\":" + value(rng, depth + 1) + "}";
        }
        return SCALARS[rng.nextInt(SCALARS.length)];
    }

    private static byte[] mutate(final byte[] json, final Random rng) {
        final List<Byte> bytes = new ArrayList<>();
        for (final byte b : json) {
            bytes.add(b);
        }
        final int edits = 1 + rng.nextInt(3);
        for (int e = 0; e < edits; e++) {
            final int at = rng.nextInt(bytes.size() + 1);
            final byte b = rng.nextInt(3) == 0 ? (byte) rng.nextInt(256) : NOISE[rng.nextInt(NOISE.length)];
            switch (rng.nextInt(3)) {
                case 0 -> bytes.add(at, b);
                case 1 -> {
                    if (at < bytes.size()) {
                        bytes.remove(at);
                    }
                }
                default -> {
                    if (at < bytes.size()) {
                        bytes.set(at, b);
                    }
                }
            }
        }
        final byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }
}
