package io.tsfm.streams.model.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.model.license.LicenseDecision.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicensePolicyTest {
    private static final ModelRef MODEL = ModelRef.of("chronos2", "http://127.0.0.1:11435/");
    private static final LicensePolicy POLICY = new LicensePolicy(List.of("Apache-2.0", "MIT", "BSD-3-Clause"));

    @Test
    void allowsALicenceOnTheAllowlistWhateverItsCase() {
        final LicenseDecision decision = POLICY.decide(MODEL, new LicenseReading.Reported("apache-2.0", false, true));

        assertThat(decision)
                .isEqualTo(
                        new LicenseDecision(MODEL, Verdict.ALLOWED, "apache-2.0", "licence 'apache-2.0' is allowed"));
        assertThat(decision.allowed()).isTrue();
    }

    @Test
    void refusesALicenceThatIsNotOnTheAllowlist() {
        final LicenseDecision decision = POLICY.decide(MODEL, new LicenseReading.Reported("cc-by-nc-4.0", true, true));

        assertThat(decision.verdict()).isEqualTo(Verdict.NOT_ALLOWED);
        assertThat(decision.licence()).isEqualTo("cc-by-nc-4.0");
        assertThat(decision.describe())
                .isEqualTo(
                        "model 'chronos2' on http://127.0.0.1:11435: licence 'cc-by-nc-4.0' is not on the allowlist");
    }

    @Test
    void refusesAnAllowedLicenceThatNeedsAcceptanceNotGiven() {
        final LicenseDecision decision = POLICY.decide(MODEL, new LicenseReading.Reported("MIT", true, false));

        assertThat(decision.verdict()).isEqualTo(Verdict.NOT_ACCEPTED);
        assertThat(decision.reason())
                .isEqualTo("licence 'MIT' needs acceptance and the model server does not report it accepted");
    }

    @Test
    void refusesALicenceThatNeedsAcceptanceWhenAcceptedIsMissing() {
        final LicenseDecision decision = POLICY.decide(MODEL, new LicenseReading.Reported("MIT", true, null));

        assertThat(decision.verdict()).isEqualTo(Verdict.NOT_ACCEPTED);
    }

    @Test
    void allowsALicenceThatNeedsAcceptanceOnceAccepted() {
        final LicenseDecision decision = POLICY.decide(MODEL, new LicenseReading.Reported("MIT", true, true));

        assertThat(decision.verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void allowsALicenceWhoseAcceptanceFieldsAreMissing() {
        final LicenseDecision decision = POLICY.decide(MODEL, new LicenseReading.Reported("BSD-3-Clause", null, null));

        assertThat(decision.verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void refusesAMissingOrBlankLicenceTypeAsUnknown() {
        final LicenseDecision missing = POLICY.decide(MODEL, new LicenseReading.Reported(null, false, true));
        final LicenseDecision blank = POLICY.decide(MODEL, new LicenseReading.Reported("  ", false, true));

        assertThat(missing)
                .isEqualTo(new LicenseDecision(
                        MODEL, Verdict.UNKNOWN, null, "licence unknown: the model server reports no license.type"));
        assertThat(blank).isEqualTo(missing);
    }

    @Test
    void refusesAnAnswerWithoutALicenceAsUnknownWithTheReason() {
        final LicenseDecision decision = POLICY.decide(
                MODEL,
                new LicenseReading.Unreadable(
                        "the model is not installed on the model server (POST /api/show answered 404)", false));

        assertThat(decision)
                .isEqualTo(
                        new LicenseDecision(
                                MODEL,
                                Verdict.UNKNOWN,
                                null,
                                "licence unknown: the model is not installed on the model server (POST /api/show answered 404)"));
    }

    @Test
    void leavesTheLicenceUnverifiedWhenTheServerCouldNotBeAsked() {
        final LicenseDecision decision =
                POLICY.decide(MODEL, new LicenseReading.Unreadable("cannot connect to the model server", true));

        assertThat(decision)
                .isEqualTo(new LicenseDecision(
                        MODEL,
                        Verdict.UNVERIFIED,
                        null,
                        "licence not verified yet: cannot connect to the model server"));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.unverified()).isTrue();
    }

    @Test
    void anEmptyAllowlistAllowsNothingAndBlankEntriesAreIgnored() {
        final LicensePolicy empty = new LicensePolicy(List.of("", " "));

        assertThat(empty.allowlist()).isEmpty();
        assertThat(empty.allows("Apache-2.0")).isFalse();
        assertThat(empty.allows("")).isFalse();
    }

    @Test
    void keepsTheAllowlistAsConfiguredForMessages() {
        assertThat(new LicensePolicy(List.of(" Apache-2.0", "MIT ")).allowlist())
                .containsExactly("Apache-2.0", "MIT");
    }
}
