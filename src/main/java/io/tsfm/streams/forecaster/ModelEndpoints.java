package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsfm.streams.forecaster.model.LocalModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metadata side of tollama's API: health, version, tags, pull, show and the models listing,
 * answered from the {@link InstalledModels} state with tollama's field names.
 */
final class ModelEndpoints {

    static final String VERSION = "0.1.0";
    private static final Set<String> PULL_FIELDS = Set.of("model", "name", "stream", "insecure", "accept_license");
    private static final Set<String> SHOW_FIELDS = Set.of("model", "name", "verbose");

    private final InstalledModels installed;

    ModelEndpoints(final InstalledModels installed) {
        this.installed = installed;
    }

    void health(final HttpCall call) {
        call.sendJson(200, Map.of("status", "ok"));
    }

    void version(final HttpCall call) {
        call.sendJson(200, Map.of("version", VERSION));
    }

    void tags(final HttpCall call) {
        final List<Map<String, Object>> models = new ArrayList<>();
        for (final LocalModel m : installed.list()) {
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", m.name());
            entry.put("model", m.name());
            entry.put("modified_at", installed.pulledAt(m.name()).toString());
            entry.put("size", InstalledModels.size(m));
            entry.put("digest", InstalledModels.digest(m));
            entry.put("details", Map.of("format", "tollama", "family", m.family(), "families", List.of(m.family())));
            models.add(entry);
        }
        call.sendJson(200, Map.of("models", models));
    }

    void pull(final HttpCall call) throws IOException {
        final ObjectNode body = StrictReader.parseObject(call.readBody());
        final StrictReader r = new StrictReader();
        final String name = modelName(body, r);
        final JsonNode streamNode = body.get("stream");
        final boolean stream = StrictReader.absent(streamNode)
                || Boolean.TRUE.equals(r.bool(streamNode, Loc.body().child("stream")));
        r.rejectUnknown(body, PULL_FIELDS, Loc.body());
        r.throwIfAny();
        final LocalModel model = installed.pull(name);
        final Map<String, Object> success = new LinkedHashMap<>();
        success.put("status", "success");
        success.put("model", model.name());
        success.put("digest", InstalledModels.digest(model));
        success.put("size", InstalledModels.size(model));
        if (stream) {
            call.sendNdjson(List.of(Json.bytes(Map.of("status", "pulling manifest")), Json.bytes(success)));
        } else {
            call.sendJson(200, success);
        }
    }

    void show(final HttpCall call) throws IOException {
        final ObjectNode body = StrictReader.parseObject(call.readBody());
        final StrictReader r = new StrictReader();
        final String name = modelName(body, r);
        r.rejectUnknown(body, SHOW_FIELDS, Loc.body());
        r.throwIfAny();
        final LocalModel m = installed.require(name);
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", m.name());
        out.put("model", m.name());
        out.put("family", m.family());
        out.put("source", source());
        out.put("resolved", Map.of("runner", m.runner()));
        out.put("digest", InstalledModels.digest(m));
        out.put("size", InstalledModels.size(m));
        out.put("snapshot_path", null);
        out.put("license", license(m));
        out.put("modelfile", "");
        out.put("parameters", Map.of());
        out.put("description", m.description());
        call.sendJson(200, out);
    }

    void models(final HttpCall call) {
        final List<Map<String, Object>> available = new ArrayList<>();
        final List<Map<String, Object>> installedList = new ArrayList<>();
        for (final LocalModel m : installed.registry().all()) {
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", m.name());
            entry.put("family", m.family());
            entry.put("installed", installed.isInstalled(m.name()));
            entry.put("license", license(m));
            entry.put("source", source());
            entry.put("metadata", Map.of("description", m.description()));
            entry.put(
                    "capabilities",
                    Map.of(
                            "quantiles",
                            true,
                            "past_covariates",
                            false,
                            "future_covariates",
                            false,
                            "static_covariates",
                            false));
            available.add(entry);
            if (installed.isInstalled(m.name())) {
                installedList.add(entry);
            }
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("available", available);
        out.put("installed", installedList);
        call.sendJson(200, out);
    }

    /** "model" (or Ollama's older "name"), required string. */
    private static String modelName(final ObjectNode body, final StrictReader r) {
        final JsonNode node = StrictReader.absent(body.get("model")) ? body.get("name") : body.get("model");
        if (StrictReader.absent(node)) {
            r.error("missing", Loc.body().child("model"), "Field required", body);
            return null;
        }
        return r.string(node, Loc.body().child("model"));
    }

    private static Map<String, Object> license(final LocalModel m) {
        final Map<String, Object> license = new LinkedHashMap<>();
        license.put("type", m.licenseType());
        license.put("needs_acceptance", false);
        license.put("accepted", true);
        return license;
    }

    private static Map<String, Object> source() {
        final Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "local");
        source.put("repo_id", null);
        source.put("revision", null);
        return source;
    }
}
