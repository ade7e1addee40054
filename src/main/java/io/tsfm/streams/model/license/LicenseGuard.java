package io.tsfm.streams.model.license;

import static io.tsfm.streams.config.ConfigKeys.MODEL_LICENSE_ALLOWLIST;
import static io.tsfm.streams.config.ConfigKeys.MODEL_LICENSE_CHECK_OVERRIDE;
import static io.tsfm.streams.config.ConfigKeys.ROLLOUT_CANDIDATE_MODEL;
import static io.tsfm.streams.config.ConfigKeys.ROLLOUT_CANDIDATE_URL;
import static io.tsfm.streams.config.ConfigKeys.TOLLAMA_MODEL;
import static io.tsfm.streams.config.ConfigKeys.TOLLAMA_URL;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.config.ConfigKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up licence check: reads the licence of every model the app would call and refuses to start
 * ({@link LicenseRefusedException}) when one is not allowed or cannot be determined from the server's answer,
 * unless the operator set {@code model.license.check.override}, in which case each refused model is logged as a
 * WARN instead. A server that cannot be asked leaves the licence unverified, which does not stop the start:
 * {@link ModelLicences} reads it again while the app runs.
 */
public final class LicenseGuard {
    private static final Logger LOG = LoggerFactory.getLogger(LicenseGuard.class);

    /** First line of the refusal message (docs/operations.md quotes it). */
    public static final String REFUSAL =
            "Refusing to start: a configured model's licence is not allowed or cannot be " + "determined.";

    private final LicensePolicy policy;
    private final ModelLicenseReader reader;
    private final boolean override;

    public LicenseGuard(final LicensePolicy policy, final ModelLicenseReader reader, final boolean override) {
        this.policy = policy;
        this.reader = reader;
        this.override = override;
    }

    /** The allowlist, override flag and tollama token of a configuration. */
    public static LicenseGuard from(final AppConfig config) {
        return new LicenseGuard(
                new LicensePolicy(config.getList(MODEL_LICENSE_ALLOWLIST)),
                new ModelLicenseReader(config.tollamaApiKey()),
                config.getBoolean(MODEL_LICENSE_CHECK_OVERRIDE));
    }

    /**
     * Every model a configuration would call: {@code tollama.model} on {@code tollama.url}. A rollout candidate
     * model belongs here too, so that start-up checks it as well.
     */
    public static List<ModelRef> modelsOf(final AppConfig config) {
        final ModelRef current = ModelRef.of(config.getString(TOLLAMA_MODEL), config.getString(TOLLAMA_URL));
        final String candidate = config.getString(ROLLOUT_CANDIDATE_MODEL);
        if (candidate == null || candidate.isBlank()) {
            return List.of(current);
        }
        final String url = config.getString(ROLLOUT_CANDIDATE_URL);
        return List.of(
                current, ModelRef.of(candidate, url == null || url.isBlank() ? config.getString(TOLLAMA_URL) : url));
    }

    /** Checks every model of the configuration: {@code from(config).check(modelsOf(config))}. */
    public static List<LicenseDecision> enforce(final AppConfig config) {
        return from(config).check(modelsOf(config));
    }

    /**
     * Reads and judges each model's licence (once per distinct model).
     *
     * @return every decision, when all are allowed or the check is overridden
     * @throws LicenseRefusedException when a model is refused and the check is not overridden
     */
    public List<LicenseDecision> check(final List<ModelRef> models) {
        final List<LicenseDecision> decisions = new ArrayList<>();
        for (final ModelRef model : models.stream().distinct().toList()) {
            decisions.add(decide(model));
        }
        final List<LicenseDecision> refused =
                decisions.stream().filter(d -> !d.allowed() && !d.unverified()).toList();
        decisions.stream()
                .filter(LicenseDecision::allowed)
                .forEach(d -> LOG.info("model licence check: {}", d.describe()));
        if (!refused.isEmpty() && !override) {
            throw new LicenseRefusedException(refusal(refused), refused);
        }
        for (final LicenseDecision d : decisions) {
            if (d.allowed()) {
                continue;
            }
            if (override) {
                LOG.warn(
                        "LICENCE CHECK OVERRIDDEN ({}=true): starting with {} although {}; allowlist {}",
                        MODEL_LICENSE_CHECK_OVERRIDE,
                        d.model(),
                        d.reason(),
                        policy.allowlist());
            } else {
                LOG.warn(
                        "model licence check: {}; starting anyway: the baseline serves its markets (fallback "
                                + "model_licence_unverified) until the licence is read and allowed",
                        d.describe());
            }
        }
        return decisions;
    }

    /** Reads and judges one model's licence now. */
    public LicenseDecision decide(final ModelRef model) {
        return policy.decide(model, reader.read(model));
    }

    /** Whether the operator set {@code model.license.check.override}: refused models are called anyway. */
    public boolean overridden() {
        return override;
    }

    /** The allowlist as configured, for messages. */
    public List<String> allowlist() {
        return policy.allowlist();
    }

    private String refusal(final List<LicenseDecision> refused) {
        final StringBuilder sb = new StringBuilder(REFUSAL).append('\n');
        refused.forEach(d -> sb.append("  ").append(d.describe()).append('\n'));
        sb.append("Allowed licences (")
                .append(MODEL_LICENSE_ALLOWLIST)
                .append("): ")
                .append(policy.allowlist().isEmpty() ? "none" : String.join(", ", policy.allowlist()))
                .append('\n');
        sb.append("To start anyway, set ")
                .append(MODEL_LICENSE_CHECK_OVERRIDE)
                .append("=true (")
                .append(envName(MODEL_LICENSE_CHECK_OVERRIDE))
                .append("=true); every start then logs a WARN naming ")
                .append("each refused model and its licence.");
        return sb.toString();
    }

    private static String envName(final String key) {
        return ConfigKeys.ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
