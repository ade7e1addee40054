package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsfm.streams.domain.QuantileKeys;
import io.tsfm.streams.forecaster.model.LocalModel;
import io.tsfm.streams.forecaster.model.ModelInput;
import io.tsfm.streams.forecaster.model.SeriesForecast;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs a model over every series of a request and shapes tollama's response JSON: one
 * {@code forecasts[]} entry per series in input order, quantile keys in Python's {@code format(q,"g")}
 * style, {@code quantiles} omitted when none were requested, NaN written as null.
 */
final class ForecastResponses {

    private ForecastResponses() {}

    static ObjectNode forecast(
            final LocalModel model, final ForecastRequest request, final double elapsedMs, final long plannedDelayMs) {
        final long start = System.nanoTime();
        final ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("model", request.model());
        final ArrayNode forecasts = response.putArray("forecasts");
        for (final SeriesInput s : request.series()) {
            final SeriesForecast fc = model.forecast(
                    new ModelInput(s.freq(), s.timestamps(), s.target(), request.horizon(), request.quantiles()));
            forecasts.add(entry(s, fc, request.quantiles()));
        }
        final double inferenceMs = (System.nanoTime() - start) / 1e6;
        final ObjectNode timing = response.putObject("timing");
        timing.put("model_load_ms", 0.0);
        timing.put("inference_ms", inferenceMs);
        timing.put("total_ms", elapsedMs + inferenceMs + plannedDelayMs);
        response.set(
                "usage", Json.MAPPER.valueToTree(model.usage(request.series().size(), request.horizon())));
        response.putNull("warnings");
        return response;
    }

    private static ObjectNode entry(final SeriesInput s, final SeriesForecast fc, final double[] levels) {
        final ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("id", s.id());
        entry.put("freq", s.freq());
        entry.put("start_timestamp", fc.startTimestamp());
        entry.set("mean", Json.numbers(fc.mean()));
        if (levels.length > 0) {
            final ObjectNode quantiles = entry.putObject("quantiles");
            for (int i = 0; i < levels.length; i++) {
                quantiles.set(QuantileKeys.key(levels[i]), Json.numbers(fc.quantiles()[i]));
            }
        }
        return entry;
    }

    /** Adds {@code by} to every mean and quantile value of a response (the quantile_shift fault); 0 leaves it. */
    static void shift(final ObjectNode response, final double by) {
        if (by == 0.0) {
            return;
        }
        for (final JsonNode entry : response.path("forecasts")) {
            shiftAll((ArrayNode) entry.get("mean"), by);
            entry.path("quantiles").forEach(path -> shiftAll((ArrayNode) path, by));
        }
    }

    private static void shiftAll(final ArrayNode values, final double by) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isNumber()) {
                values.set(i, values.get(i).asDouble() + by);
            }
        }
    }

    /** The three NDJSON lines of a streamed {@code /api/forecast} answer. */
    static List<byte[]> streamLines(final byte[] responseJson) {
        final byte[] prefix = "{\"done\":true,\"response\":".getBytes(StandardCharsets.UTF_8);
        final byte[] last = new byte[prefix.length + responseJson.length + 1];
        System.arraycopy(prefix, 0, last, 0, prefix.length);
        System.arraycopy(responseJson, 0, last, prefix.length, responseJson.length);
        last[last.length - 1] = '}';
        return List.of(
                Json.bytes(Map.of("status", "loading model")), Json.bytes(Map.of("status", "running forecast")), last);
    }
}
