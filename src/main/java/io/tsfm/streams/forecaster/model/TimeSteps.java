package io.tsfm.streams.forecaster.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixed-length pandas frequency aliases ("5min", "5T", "1h", "H", "D", ...) and ISO-8601 timestamp
 * arithmetic, so a model can report the first future step as its {@code start_timestamp}.
 * Calendar aliases (months, years, business days) and "5m" (months in some pandas versions) are
 * deliberately not understood: callers then keep the last input timestamp.
 */
public final class TimeSteps {

    private static final Pattern ALIAS = Pattern.compile("^\\s*(\\d{0,9})\\s*([A-Za-z]+)\\s*$");
    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("min", Duration.ofMinutes(1)),
            Map.entry("T", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)),
            Map.entry("H", Duration.ofHours(1)),
            Map.entry("s", Duration.ofSeconds(1)),
            Map.entry("S", Duration.ofSeconds(1)),
            Map.entry("D", Duration.ofDays(1)),
            Map.entry("d", Duration.ofDays(1)),
            Map.entry("W", Duration.ofDays(7)),
            Map.entry("ms", Duration.ofMillis(1)),
            Map.entry("L", Duration.ofMillis(1)),
            Map.entry("us", Duration.ofNanos(1000)),
            Map.entry("U", Duration.ofNanos(1000)),
            Map.entry("ns", Duration.ofNanos(1)),
            Map.entry("N", Duration.ofNanos(1)));

    private TimeSteps() {}

    /** The duration of a fixed-length alias such as "5min" or "H"; empty when not understood. */
    public static Optional<Duration> parseFreq(final String freq) {
        if (freq == null) {
            return Optional.empty();
        }
        final Matcher m = ALIAS.matcher(freq);
        if (!m.matches()) {
            return Optional.empty();
        }
        final Duration unit = UNITS.get(m.group(2));
        if (unit == null) {
            return Optional.empty();
        }
        final long count = m.group(1).isEmpty() ? 1 : Long.parseLong(m.group(1));
        return count > 0 ? Optional.of(unit.multipliedBy(count)) : Optional.empty();
    }

    /**
     * The step of a series: the parsed alias, or for "auto" the spacing of the last three timestamps
     * when it is regular.
     */
    public static Optional<Duration> step(final String freq, final List<String> timestamps) {
        if (freq != null && "auto".equals(freq.toLowerCase(Locale.ROOT))) {
            return inferStep(timestamps);
        }
        return parseFreq(freq);
    }

    private static Optional<Duration> inferStep(final List<String> timestamps) {
        if (timestamps.size() < 3) {
            return Optional.empty();
        }
        final int n = timestamps.size();
        final Optional<LocalDateTime> a = toLocal(timestamps.get(n - 3));
        final Optional<LocalDateTime> b = toLocal(timestamps.get(n - 2));
        final Optional<LocalDateTime> c = toLocal(timestamps.get(n - 1));
        if (a.isEmpty() || b.isEmpty() || c.isEmpty()) {
            return Optional.empty();
        }
        final Duration first = Duration.between(a.get(), b.get());
        final Duration second = Duration.between(b.get(), c.get());
        return first.equals(second) && !second.isNegative() && !second.isZero()
                ? Optional.of(second)
                : Optional.empty();
    }

    private static Optional<LocalDateTime> toLocal(final String timestamp) {
        return advance(timestamp, Duration.ZERO).flatMap(TimeSteps::parseLocal);
    }

    private static Optional<LocalDateTime> parseLocal(final String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toLocalDateTime());
        } catch (DateTimeException e) {
            try {
                return Optional.of(LocalDateTime.parse(text));
            } catch (DateTimeException e2) {
                try {
                    return Optional.of(LocalDate.parse(text).atStartOfDay());
                } catch (DateTimeException e3) {
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * {@code timestamp + step} in the same style (offset, local date-time or date); empty when the
     * timestamp is not ISO-8601. A space between date and time (pandas' style) is accepted.
     */
    public static Optional<String> advance(final String timestamp, final Duration step) {
        if (timestamp == null) {
            return Optional.empty();
        }
        final String text = timestamp.trim().replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(text).plus(step).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeException e) {
            // not an offset date-time, try the next shape
        }
        try {
            return Optional.of(LocalDateTime.parse(text).plus(step).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        } catch (DateTimeException e) {
            // not a local date-time, try a date
        }
        try {
            final LocalDate date = LocalDate.parse(text);
            if (step.toNanosPart() == 0 && step.toSeconds() % Duration.ofDays(1).toSeconds() == 0) {
                return Optional.of(date.plusDays(step.toDays()).format(DateTimeFormatter.ISO_LOCAL_DATE));
            }
            return Optional.of(date.atStartOfDay().plus(step).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
