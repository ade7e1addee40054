package io.tsfm.streams.model.license;

import io.tsfm.streams.model.license.LicenseDecision.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which licences the app may use: a model is allowed only when the server reports a licence id on the
 * allowlist (case-insensitive) that, if it needs acceptance, was accepted. A server that could not be asked
 * leaves the licence unverified; anything else, including an answer without a licence, is refused. Pure, so
 * every rule is unit-tested without a server.
 */
public final class LicensePolicy {

    private final List<String> allowlist;
    private final Set<String> allowed;

    /** @param allowlist licence ids as configured; blank entries are ignored */
    public LicensePolicy(final List<String> allowlist) {
        this.allowlist =
                allowlist.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.allowed = this.allowlist.stream().map(LicensePolicy::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** The allowlist as configured, for messages. */
    public List<String> allowlist() {
        return allowlist;
    }

    public boolean allows(final String licence) {
        return licence != null && allowed.contains(normalise(licence));
    }

    public LicenseDecision decide(final ModelRef model, final LicenseReading reading) {
        if (reading instanceof LicenseReading.Unreadable unreadable) {
            return unreadable.retryable()
                    ? new LicenseDecision(
                            model, Verdict.UNVERIFIED, null, "licence not verified yet: " + unreadable.reason())
                    : new LicenseDecision(model, Verdict.UNKNOWN, null, "licence unknown: " + unreadable.reason());
        }
        final LicenseReading.Reported reported = (LicenseReading.Reported) reading;
        final String type = reported.type() == null ? "" : reported.type().trim();
        if (type.isEmpty()) {
            return new LicenseDecision(
                    model, Verdict.UNKNOWN, null, "licence unknown: the model server reports no license.type");
        }
        if (!allows(type)) {
            return new LicenseDecision(
                    model, Verdict.NOT_ALLOWED, type, "licence '" + type + "' is not on the allowlist");
        }
        if (Boolean.TRUE.equals(reported.needsAcceptance()) && !Boolean.TRUE.equals(reported.accepted())) {
            return new LicenseDecision(
                    model,
                    Verdict.NOT_ACCEPTED,
                    type,
                    "licence '" + type + "' needs acceptance and the model server does not report it accepted");
        }
        return new LicenseDecision(model, Verdict.ALLOWED, type, "licence '" + type + "' is allowed");
    }

    private static String normalise(final String licence) {
        return licence.trim().toLowerCase(Locale.ROOT);
    }
}
