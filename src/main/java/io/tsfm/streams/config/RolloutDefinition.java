package io.tsfm.streams.config;

import static io.tsfm.streams.config.ConfigKeys.*;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The rollout of a candidate model (stage, candidate, incumbent, shadow): part of {@link AppConfigDefinition}. */
@SuppressWarnings("BadImport") // Type, Importance, Range: ConfigDef's own idiom, read beside define()
final class RolloutDefinition {
    private RolloutDefinition() {}

    /** Defines them on {@code def}, in the order the configuration docs list them. */
    static ConfigDef define(final ConfigDef def) {
        return def.define(
                        ROLLOUT_STAGE,
                        Type.STRING,
                        "full_100",
                        ConfigDef.ValidString.in("shadow", "canary_5", "canary_25", "full_100"),
                        Importance.MEDIUM,
                        "Rollout stage of " + ROLLOUT_CANDIDATE_MODEL + ": shadow (called for every market, served to "
                                + "none), canary_5 / canary_25 (serves that share of markets, chosen by a stable hash "
                                + "of the market id), full_100 (serves every market). Every metric carries it as the "
                                + "rollout_stage label. Roll back by setting it to shadow, or unsetting the candidate.")
                .define(
                        ROLLOUT_CANDIDATE_MODEL,
                        Type.STRING,
                        null,
                        Importance.MEDIUM,
                        "The model being rolled out (as installed in tollama); unset: no rollout, " + TOLLAMA_MODEL
                                + " serves every market.")
                .define(
                        ROLLOUT_CANDIDATE_URL,
                        Type.STRING,
                        null,
                        Importance.LOW,
                        "Base URL of the tollama serving the candidate; unset: " + TOLLAMA_URL + ".")
                .define(
                        ROLLOUT_INCUMBENT,
                        Type.STRING,
                        "model",
                        ConfigDef.ValidString.in("model", "baseline"),
                        Importance.MEDIUM,
                        "What serves the markets the candidate does not: model (" + TOLLAMA_MODEL
                                + ") or baseline (the first rollout of a model over the EWMA baseline: those "
                                + "markets get route_policy_baseline).")
                .define(
                        ROLLOUT_BASELINE_SEGMENTS,
                        Type.LIST,
                        "",
                        Importance.LOW,
                        "Segments always served by the baseline (route_policy_baseline), e.g. "
                                + "liquidity_bucket=mid,market_id=m-0042; empty for none.")
                .define(
                        ROLLOUT_SHADOW_OUTSIDE_SHARE,
                        Type.BOOLEAN,
                        false,
                        Importance.LOW,
                        "In canary stages, also call the candidate in shadow for the markets outside the share.")
                .define(
                        ROLLOUT_SHADOW_MATCH_DISTANCE,
                        Type.DOUBLE,
                        0.05,
                        Range.between(0.0, 1.0),
                        Importance.LOW,
                        "A shadow forecast matches the served one when their last-step medians differ by at most "
                                + "this much (probability).");
    }
}
