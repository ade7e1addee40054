package io.tsfm.streams.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Quantile levels as tollama accepts them: each in (0,1), strictly ascending, at least one. */
final class QuantilesValidator implements ConfigDef.Validator {

    static double[] parse(final List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("at least one quantile level is required");
        }
        final double[] levels = new double[values.size()];
        for (int i = 0; i < levels.length; i++) {
            final double q;
            try {
                q = Double.parseDouble(values.get(i).trim());
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException("'" + values.get(i) + "' is not a number");
            }
            if (!(q > 0.0 && q < 1.0)) {
                throw new IllegalArgumentException("level " + q + " is not in (0,1)");
            }
            if (i > 0 && !(q > levels[i - 1])) {
                throw new IllegalArgumentException("levels must be strictly ascending");
            }
            levels[i] = q;
        }
        return levels;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void ensureValid(final String name, final Object value) {
        try {
            parse((List<String>) value);
        } catch (final IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "ascending levels in (0,1)";
    }
}
