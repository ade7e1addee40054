package io.tsfm.streams.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsfm.streams.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * tollama's wire format for {@code POST /v1/forecast}: the request streamed as JSON (the grid's timestamps
 * encoded once per cycle, values at float precision) and the answer read into validated outcomes per series.
 */
final class TollamaCodec {
    private final TollamaSettings settings;
    /** Fast double writing and parsing (Schubfach, FastDoubleParser): a request is mostly doubles. */
    private final ObjectMapper mapper = Json.wire();

    private final PayloadValidator validator;
    private final AtomicReference<EncodedGrid> lastGrid = new AtomicReference<>();

    TollamaCodec(final TollamaSettings settings) {
        this.settings = settings;
        this.validator = new PayloadValidator(settings.levels(), settings.horizon());
    }

    /**
     * The request as JSON, streamed rather than built as a tree: it runs on the stream thread and a full
     * request is 64 series of 288 timestamps and values.
     */
    byte[] requestBody(final List<SeriesInput> series) throws JsonProcessingException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + series.size() * 288 * 36);
        try (JsonGenerator g = mapper.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("model", settings.model());
            g.writeNumberField("horizon", settings.horizon());
            g.writeFieldName("quantiles");
            g.writeArray(settings.levels(), 0, settings.levels().length);
            g.writeArrayFieldStart("series");
            for (final SeriesInput s : series) {
                g.writeStartObject();
                g.writeStringField("id", s.id());
                g.writeStringField("freq", settings.freqAlias());
                g.writeFieldName("timestamps");
                g.writeRawValue(timestampsJson(s.timestamps()));
                g.writeArrayFieldStart("target");
                writeTarget(g, s.target());
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (final JsonProcessingException e) {
            throw e;
        } catch (final IOException e) {
            throw new IllegalStateException("cannot write to memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The values at float precision (what the models compute in: half the digits to write and to parse). A
     * market sits still most of the time, so a value equal to the one before is copied as the bytes already
     * formatted for it rather than formatted again.
     */
    private static void writeTarget(final JsonGenerator g, final double[] target) throws IOException {
        final boolean fast = g.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
        float previous = Float.NaN;
        SerializedString formatted = null;
        for (final double v : target) {
            final float f = (float) v;
            if (formatted == null || Float.floatToIntBits(f) != Float.floatToIntBits(previous)) {
                previous = f;
                formatted = Float.isFinite(f) ? new SerializedString(NumberOutput.toString(f, fast)) : null;
            }
            if (formatted == null) {
                g.writeNumber(f);
            } else {
                g.writeRawValue(formatted);
            }
        }
    }

    /**
     * The timestamps as a JSON array: every series of a cycle shares one grid (most often the very same
     * array), so it is encoded once and its UTF-8 bytes copied.
     */
    private SerializedString timestampsJson(final String[] timestamps) throws JsonProcessingException {
        final EncodedGrid last = lastGrid.get();
        if (last != null && (last.timestamps() == timestamps || Arrays.equals(last.timestamps(), timestamps))) {
            return last.json();
        }
        final SerializedString json = new SerializedString(mapper.writeValueAsString(timestamps));
        lastGrid.set(new EncodedGrid(timestamps, json));
        return json;
    }

    /** A grid and its JSON text; the array is never written to. */
    private record EncodedGrid(String[] timestamps, SerializedString json) {}

    /** The outcome of every requested series; a series the answer lacks is invalid ({@code missing_series}). */
    Map<String, SeriesOutcome> parse(final byte[] body, final List<SeriesInput> series) {
        final JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (final IOException e) {
            throw ModelCallException.invalidPayload("malformed_json", e.getMessage());
        }
        final JsonNode forecasts = root == null ? null : root.get("forecasts");
        if (forecasts == null || !forecasts.isArray()) {
            throw ModelCallException.invalidPayload("missing_forecasts", "response has no forecasts array");
        }
        final Map<String, SeriesOutcome> byId = new HashMap<>();
        for (final JsonNode f : forecasts) {
            final JsonNode id = f.get("id");
            if (id == null || !id.isTextual()) {
                continue;
            }
            byId.put(id.asText(), validator.validate(quantilesOf(f.get("quantiles"))));
        }
        final Map<String, SeriesOutcome> outcomes = new HashMap<>();
        for (final SeriesInput s : series) {
            outcomes.put(s.id(), byId.getOrDefault(s.id(), SeriesOutcome.invalid(PayloadValidator.MISSING_SERIES)));
        }
        return outcomes;
    }

    private static Map<String, List<Double>> quantilesOf(final JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        final Map<String, List<Double>> out = new HashMap<>();
        node.properties().forEach(e -> {
            final JsonNode path = e.getValue();
            if (path == null || !path.isArray()) {
                out.put(e.getKey(), null);
                return;
            }
            final List<Double> values = new ArrayList<>(path.size());
            for (final JsonNode v : path) {
                values.add(v.isNumber() ? v.asDouble() : null);
            }
            out.put(e.getKey(), values);
        });
        return out;
    }

    /** The start of a body for an error message. */
    static String excerpt(final byte[] body) {
        if (body == null) {
            return "";
        }
        final String s = new String(body, StandardCharsets.UTF_8);
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
