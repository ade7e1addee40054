package io.tsfm.streams.replay;

import static io.tsfm.streams.config.ConfigKeys.*;

import io.tsfm.streams.config.AppConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives a replay's settings from the live app's: a fresh application id (so no live state, offsets or
 * internal topics are shared), prefixed output topics that keep their records (old event timestamps
 * would otherwise fall to retention), and cycles limited to the requested range.
 */
public final class ReplayConfig {
    private ReplayConfig() {}

    public static AppConfig derive(final AppConfig live, final ReplayRequest request, final long nowMs) {
        final Map<String, String> overrides = new HashMap<>();
        final String appId = request.applicationId() != null
                ? request.applicationId()
                : live.getString(APPLICATION_ID) + "-replay-" + nowMs / 1000;
        if (appId.equals(live.getString(APPLICATION_ID))) {
            throw new IllegalArgumentException(
                    "the replay's application id must differ from the live app's (" + appId + ")");
        }
        overrides.put(APPLICATION_ID, appId);
        for (final String key :
                List.of(TOPIC_FORECASTS, TOPIC_FALLBACKS, TOPIC_DLQ, TOPIC_SCORES, TOPIC_SHADOW_FORECASTS)) {
            overrides.put(key, request.outputPrefix() + live.getString(key));
        }
        overrides.put(TOPICS_CREATE_MISSING, "true");
        overrides.put(TOPICS_CREATED_RETENTION_MS, "-1");
        overrides.put(STEPS_CHANGELOG_RETENTION_MS, "-1"); // steps of old ticks: a restore needs them all
        overrides.put(CYCLE_WINDOW_START_MS, Long.toString(request.from().toEpochMilli()));
        if (request.to() != null) {
            overrides.put(CYCLE_WINDOW_END_MS, Long.toString(request.to().toEpochMilli()));
        }
        if (!live.originalsStrings().containsKey(OPS_PORT)) {
            overrides.put(OPS_PORT, "0"); // never collide with a live instance on the same host
        }
        return live.with(overrides);
    }
}
