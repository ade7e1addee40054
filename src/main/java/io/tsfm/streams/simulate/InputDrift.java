package io.tsfm.streams.simulate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A drift of the markets' inputs injected into a simulation, so drift monitoring (PSI) can be shown to
 * fire: from {@code after} the start of the span, every market's logit level jumps by
 * {@code levelShift} and its volatility is multiplied by {@code volatilityFactor}. Markets evolve as
 * without drift until that instant, so only what comes after it changes.
 *
 * @param after            offset of the drift from the start of the span (so a time-shifted spec drifts
 *                         at the same point of its span)
 * @param levelShift       added to every market's logit at the drift, e.g. 1.5 (p 0.50 becomes 0.82)
 * @param volatilityFactor multiplies every market's step volatility from the drift on, e.g. 4.0
 * @param bucket           only markets of this liquidity bucket ({@code high}, {@code mid}, {@code low})
 *                         drift; null: every market
 */
public record InputDrift(Duration after, double levelShift, double volatilityFactor, String bucket) {

    /** The level shift when only the drift time is given. */
    public static final double DEFAULT_LEVEL_SHIFT = 1.5;
    /** The volatility factor when only the drift time is given. */
    public static final double DEFAULT_VOLATILITY_FACTOR = 4.0;

    /** A drift of every market. */
    public InputDrift(final Duration after, final double levelShift, final double volatilityFactor) {
        this(after, levelShift, volatilityFactor, null);
    }

    public InputDrift {
        Objects.requireNonNull(after, "after");
        if (after.isNegative()) {
            throw new IllegalArgumentException("drift offset must not be negative: " + after);
        }
        if (!Double.isFinite(levelShift)) {
            throw new IllegalArgumentException("drift level shift must be finite: " + levelShift);
        }
        if (!(volatilityFactor > 0.0) || Double.isInfinite(volatilityFactor)) {
            throw new IllegalArgumentException(
                    "drift volatility factor must be a finite number > 0: " + volatilityFactor);
        }
    }

    /** The same drift, of the markets of one liquidity bucket only. */
    public InputDrift onlyBucket(final String liquidityBucket) {
        return new InputDrift(after, levelShift, volatilityFactor, liquidityBucket);
    }

    /** Whether a market of this liquidity class drifts. */
    boolean applies(final LiquidityClass liquidity) {
        return bucket == null || bucket.equals(liquidity.bucket());
    }

    private static final Pattern SHORT_OFFSET = Pattern.compile("(\\d+(?:\\.\\d+)?)([smhd])");

    /** A drift with the default level shift and volatility factor. */
    public static InputDrift after(final Duration after) {
        return new InputDrift(after, DEFAULT_LEVEL_SHIFT, DEFAULT_VOLATILITY_FACTOR);
    }

    /**
     * Reads when a drift starts, as an offset from {@code start}: an ISO-8601 instant
     * ({@code 2026-11-22T10:00:00Z}, offsets such as {@code +01:00} allowed), an ISO-8601 duration
     * ({@code PT20H}) or a short duration ({@code 90m}, {@code 20h}, {@code 1.5d}, {@code 30s}).
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static Duration parseOffset(final String text, final Instant start) {
        final String trimmed = text.trim();
        final Matcher shortForm = SHORT_OFFSET.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            final double amount = Double.parseDouble(shortForm.group(1));
            final long unitMs = switch (shortForm.group(2)) {
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            return Duration.ofMillis(Math.round(amount * unitMs));
        }
        try {
            if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
                return Duration.parse(trimmed);
            }
            return Duration.between(start, OffsetDateTime.parse(trimmed).toInstant());
        } catch (final DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + trimmed + "' is not an instant (2026-11-22T10:00:00Z) or an offset (PT20H, 20h, 90m)", e);
        }
    }
}
