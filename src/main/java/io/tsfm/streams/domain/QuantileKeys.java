package io.tsfm.streams.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quantile level to map key, as tollama writes them (Python's {@code format(q, "g")}):
 * 0.1 -> "0.1", 0.05 -> "0.05", 1e-05 -> "1e-05". Needed so keys match on both sides of the wire.
 */
public final class QuantileKeys {
    /** Keys already written: a service asks for a handful of levels, once per forecast each. */
    private static final Map<Double, String> KNOWN = new ConcurrentHashMap<>();

    private static final int MAX_KNOWN = 1_000;

    private QuantileKeys() {}

    public static String key(final double level) {
        final String known = KNOWN.get(level);
        if (known != null) {
            return known;
        }
        final String key = format(level);
        if (KNOWN.size() < MAX_KNOWN) {
            KNOWN.put(level, key);
        }
        return key;
    }

    private static String format(final double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("quantile level must be in (0,1): " + level);
        }
        // %g semantics: 6 significant digits of the exact binary value, ties to even (as Python rounds),
        // scientific when exponent < -4, trailing zeros stripped.
        final BigDecimal rounded = new BigDecimal(level).round(new MathContext(6, RoundingMode.HALF_EVEN));
        final int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4) {
            final String mantissa =
                    rounded.movePointRight(-exponent).stripTrailingZeros().toPlainString();
            final int abs = -exponent;
            return mantissa + "e-" + (abs < 10 ? "0" + abs : String.valueOf(abs));
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
