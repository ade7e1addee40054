package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The forecaster's fast path: a plainly valid request read in one streaming pass, without a tree. Profiled
 * in the cycle benchmark, the tree parse of 64 series of 288 timestamps and values made the local
 * forecaster use about as much CPU as the app's stream thread, on the same two cores. Anything this reader
 * does not recognise as valid (a wrong type, a covariate, {@code data_url}, a duplicated or unknown field,
 * a rule broken) gives {@code null}, and {@link ForecastRequestParser} reads the body again strictly, with
 * pydantic's errors: both accept the same bodies, with the same result.
 */
final class FastRequestReader {

    private FastRequestReader() {}

    /** The request, or null when the strict reader must decide. */
    static ForecastRequest read(final byte[] body, final boolean streamingEndpoint) {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            return request(p, streamingEndpoint);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ForecastRequest request(final JsonParser p, final boolean streamingEndpoint) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String model = null;
        int horizon = 0;
        double[] quantiles = new double[0];
        List<SeriesInput> series = null;
        Double timeout = null;
        boolean stream = streamingEndpoint;
        final Set<String> seen = new HashSet<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            final String field = p.currentName();
            final JsonToken v = p.nextToken();
            if (!seen.add(field)) {
                return null; // a duplicated field: the tree keeps the last one, the strict reader decides
            }
            switch (field) {
                case "model" -> {
                    model = text(p, v);
                    if (model == null) {
                        return null;
                    }
                }
                case "horizon" -> {
                    final long h = isPlainInt(p, v) ? p.getLongValue() : 0;
                    if (h < 1 || h > ForecastRequestParser.MAX_HORIZON) {
                        return null;
                    }
                    horizon = (int) h;
                }
                case "quantiles" -> {
                    quantiles = v == JsonToken.VALUE_NULL ? new double[0] : levels(p, v);
                    if (quantiles == null) {
                        return null;
                    }
                }
                case "series" -> {
                    series = seriesList(p, v);
                    if (series == null) {
                        return null;
                    }
                }
                case "options" -> {
                    if (v != JsonToken.START_OBJECT && v != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    p.skipChildren();
                }
                case "timeout" -> {
                    if (v != JsonToken.VALUE_NULL) {
                        final double seconds = number(p, v);
                        if (!(seconds > 0.0)) {
                            return null;
                        }
                        timeout = seconds;
                    }
                }
                case "keep_alive" -> {
                    if (v != JsonToken.VALUE_NULL && v != JsonToken.VALUE_STRING && !v.isNumeric()) {
                        return null;
                    }
                }
                case "stream" -> {
                    if (!streamingEndpoint || !v.isBoolean()) {
                        return null;
                    }
                    stream = v == JsonToken.VALUE_TRUE;
                }
                default -> {
                    return null; // data_url, an unknown field: the strict reader says what it is
                }
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
            return null;
        }
        if (model == null || horizon == 0 || series == null) {
            return null;
        }
        return new ForecastRequest(model, horizon, quantiles, series, timeout, stream);
    }

    /** A string value, or null for any other token. */
    private static String text(final JsonParser p, final JsonToken v) throws IOException {
        return v == JsonToken.VALUE_STRING ? p.getText() : null;
    }

    private static double[] levels(final JsonParser p, final JsonToken v) throws IOException {
        final double[] values = numbers(p, v, 0);
        if (values == null) {
            return null;
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0.0 && values[i] < 1.0) || (i > 0 && !(values[i] > values[i - 1]))) {
                return null;
            }
        }
        return values;
    }

    /** Without covariates nothing in a series depends on the horizon, which may come after it. */
    private static List<SeriesInput> seriesList(final JsonParser p, final JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            return null;
        }
        final List<SeriesInput> out = new ArrayList<>();
        List<String> previousTimestamps = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            final SeriesInput s = series(p, t, previousTimestamps);
            if (s == null) {
                return null;
            }
            previousTimestamps = s.timestamps();
            out.add(s);
        }
        return out.isEmpty() ? null : out;
    }

    private static SeriesInput series(final JsonParser p, final JsonToken start, final List<String> previous)
            throws IOException {
        if (start != JsonToken.START_OBJECT) {
            return null;
        }
        String id = null;
        String freq = null;
        List<String> timestamps = null;
        double[] target = null;
        final Set<String> seen = new HashSet<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            final String field = p.currentName();
            final JsonToken v = p.nextToken();
            if (!seen.add(field)) {
                return null;
            }
            switch (field) {
                case "id" -> id = text(p, v);
                case "freq" -> freq = text(p, v);
                case "timestamps" -> timestamps = strings(p, v, previous);
                case "target" -> target = numbers(p, v, 1);
                default -> {
                    return null; // covariates are validated by the strict reader
                }
            }
            if (!read(field, id, freq, timestamps, target)) {
                return null; // stop at the first wrong value: the parser may be inside it
            }
        }
        if (id == null || timestamps == null || target == null || timestamps.size() != target.length) {
            return null;
        }
        final String f = freq == null ? "auto" : freq;
        if ("auto".equals(f) && timestamps.size() < 3) {
            return null;
        }
        return new SeriesInput(id, f, timestamps, target);
    }

    /** Whether the series field just read got a valid value (an id must not be empty). */
    private static boolean read(
            final String field,
            final String id,
            final String freq,
            final List<String> timestamps,
            final double[] target) {
        return switch (field) {
            case "id" -> id != null && !id.isEmpty();
            case "freq" -> freq != null;
            case "timestamps" -> timestamps != null;
            default -> target != null;
        };
    }

    /**
     * A list of strings; when it equals the previous series' list (every series of a cycle shares one grid)
     * that list is returned, so a request holds one copy of its grid.
     */
    private static List<String> strings(final JsonParser p, final JsonToken v, final List<String> previous)
            throws IOException {
        if (v != JsonToken.START_ARRAY) {
            return null;
        }
        final List<String> out = new ArrayList<>(previous == null ? 16 : previous.size());
        boolean same = previous != null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                return null;
            }
            final int i = out.size();
            if (same && i < previous.size() && equalsText(p, previous.get(i))) {
                out.add(previous.get(i));
            } else {
                same = false;
                out.add(p.getText());
            }
        }
        return same && out.size() == previous.size() ? previous : out;
    }

    private static boolean equalsText(final JsonParser p, final String expected) throws IOException {
        final int length = p.getTextLength();
        if (length != expected.length()) {
            return false;
        }
        final char[] chars = p.getTextCharacters();
        final int offset = p.getTextOffset();
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Finite numbers, at least {@code minItems} of them; null for anything else. */
    private static double[] numbers(final JsonParser p, final JsonToken v, final int minItems) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            return null;
        }
        double[] out = new double[320];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            final double x = number(p, t);
            if (Double.isNaN(x)) {
                return null;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = x;
        }
        return n < minItems ? null : Arrays.copyOf(out, n);
    }

    /** A finite number as the tree would read it (an int or long exactly, a float as parsed); NaN otherwise. */
    private static double number(final JsonParser p, final JsonToken t) throws IOException {
        final double x;
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            x = p.getDoubleValue();
        } else if (isPlainInt(p, t)) {
            x = p.getLongValue();
        } else {
            return Double.NaN;
        }
        return Double.isFinite(x) ? x : Double.NaN;
    }

    private static boolean isPlainInt(final JsonParser p, final JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            return false;
        }
        final JsonParser.NumberType type = p.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }
}
