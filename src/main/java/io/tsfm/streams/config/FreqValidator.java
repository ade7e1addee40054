package io.tsfm.streams.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The seed's step syntax: {@code <n>m} or {@code <n>h}, a whole number of minutes that divides a day. */
final class FreqValidator implements ConfigDef.Validator {
    private static final Pattern FREQ = Pattern.compile("([1-9][0-9]*)([mh])");

    static Duration parse(final String freq) {
        final Matcher m = FREQ.matcher(freq == null ? "" : freq.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Unsupported freq: " + freq);
        }
        final long n = Long.parseLong(m.group(1));
        final Duration step = "m".equals(m.group(2)) ? Duration.ofMinutes(n) : Duration.ofHours(n);
        if (Duration.ofDays(1).toMinutes() % step.toMinutes() != 0) {
            throw new IllegalArgumentException("Unsupported freq: " + freq + " (must divide 24h)");
        }
        return step;
    }

    @Override
    public void ensureValid(final String name, final Object value) {
        try {
            parse((String) value);
        } catch (final IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "<n>m or <n>h dividing 24h";
    }
}
