package io.tsfm.streams.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassifierTest {
    private static final Change FLAT_ZERO = new Change(0, 0);

    private static Evidence calm() {
        return new Evidence(
                0.05,
                "logit_level",
                0.0,
                new Change(0.02, 0.02),
                FLAT_ZERO,
                new Change(40, 42),
                new Change(0.001, 0.001),
                FLAT_ZERO,
                Set.of("mock:1"),
                Set.of("mock:1"));
    }

    private static Classifier.Classification classify(final Evidence e) {
        return Classifier.DEFAULT.classify(e);
    }

    @Test
    void callsItAModelRegressionWhenNothingElseChanged() {
        final Classifier.Classification c = classify(calm());
        assertThat(c.cause()).isEqualTo(Cause.MODEL_REGRESSION);
        assertThat(c.cause().label()).isEqualTo("model regression");
        assertThat(c.evidence())
                .containsExactly(
                        "same model and version, inputs stable, serving healthy: the model's answers got worse");
    }

    @Test
    void namesTheNewVersionOfAModelRegression() {
        final Evidence e = calm();
        final Classifier.Classification c = classify(new Evidence(
                e.psi(),
                e.psiFeature(),
                e.psiNoise(),
                e.fallbackShare(),
                e.breakerOpens(),
                e.latencyP95Ms(),
                e.dlqShare(),
                e.gapShare(),
                Set.of("mock:1"),
                Set.of("mock:2")));
        assertThat(c.cause()).isEqualTo(Cause.MODEL_REGRESSION);
        assertThat(c.evidence()).containsExactly("model changed: mock:1 -> mock:2");
    }

    @Test
    void callsItInputDriftWhenThePsiIsAboveItsThreshold() {
        final Evidence e = calm();
        final Classifier.Classification c = classify(new Evidence(
                0.45,
                "logit_change_5m",
                0.1,
                e.fallbackShare(),
                e.breakerOpens(),
                e.latencyP95Ms(),
                e.dlqShare(),
                e.gapShare(),
                e.previousVersions(),
                e.currentVersions()));
        assertThat(c.cause()).isEqualTo(Cause.INPUT_DRIFT);
        assertThat(c.evidence()).containsExactly("PSI 0.45 on logit_change_5m (above 0.20)");
    }

    @Test
    void doesNotCallAPsiThatChanceAloneGivesSoFewMarketsInputDrift() {
        final Evidence e = calm();
        final Classifier.Classification c = classify(new Evidence(
                0.45,
                "logit_level",
                0.93,
                e.fallbackShare(),
                e.breakerOpens(),
                e.latencyP95Ms(),
                e.dlqShare(),
                e.gapShare(),
                e.previousVersions(),
                e.currentVersions()));
        assertThat(c.cause()).isEqualTo(Cause.MODEL_REGRESSION);
        final Classifier.Classification above = classify(new Evidence(
                1.2,
                "logit_level",
                0.93,
                e.fallbackShare(),
                e.breakerOpens(),
                e.latencyP95Ms(),
                e.dlqShare(),
                e.gapShare(),
                e.previousVersions(),
                e.currentVersions()));
        assertThat(above.evidence()).containsExactly("PSI 1.20 on logit_level (above 0.93)");
    }

    @Test
    void callsItServingDegradationWhenFallbacksRiseEvenWithDrift() {
        final Evidence e = calm();
        final Classifier.Classification c = classify(new Evidence(
                0.45,
                "logit_level",
                0.0,
                new Change(0.02, 0.30),
                new Change(0, 12),
                new Change(40, 900),
                e.dlqShare(),
                e.gapShare(),
                e.previousVersions(),
                e.currentVersions()));
        assertThat(c.cause()).isEqualTo(Cause.SERVING_DEGRADATION);
        assertThat(c.evidence())
                .containsExactly(
                        "fallback share up 2.0 % -> 30.0 %",
                        "breaker-open fallbacks 0 -> 12",
                        "latency p95 40 -> 900 ms",
                        "PSI 0.45 on logit_level (above 0.20)");
    }

    @Test
    void doesNotCallASmallFallbackOrLatencyRiseServingDegradation() {
        final Evidence e = calm();
        assertThat(classify(new Evidence(
                                e.psi(),
                                e.psiFeature(),
                                e.psiNoise(),
                                new Change(0.02, 0.06),
                                e.breakerOpens(),
                                new Change(20, 45),
                                e.dlqShare(),
                                e.gapShare(),
                                e.previousVersions(),
                                e.currentVersions()))
                        .cause())
                .isEqualTo(Cause.MODEL_REGRESSION);
    }

    @Test
    void callsItADataProblemWhenTheDlqOrGapsRiseAboveAllElse() {
        final Evidence e = calm();
        final Classifier.Classification dlq = classify(new Evidence(
                0.45,
                "logit_level",
                0.0,
                new Change(0.02, 0.30),
                e.breakerOpens(),
                e.latencyP95Ms(),
                new Change(0.001, 0.05),
                e.gapShare(),
                e.previousVersions(),
                e.currentVersions()));
        assertThat(dlq.cause()).isEqualTo(Cause.DATA_PROBLEM);
        assertThat(dlq.evidence()).first().isEqualTo("DLQ share up 0.1 % -> 5.0 %");
        final Classifier.Classification gaps = classify(new Evidence(
                e.psi(),
                e.psiFeature(),
                e.psiNoise(),
                e.fallbackShare(),
                e.breakerOpens(),
                e.latencyP95Ms(),
                e.dlqShare(),
                new Change(0.0, 0.2),
                e.previousVersions(),
                e.currentVersions()));
        assertThat(gaps.cause()).isEqualTo(Cause.DATA_PROBLEM);
        assertThat(gaps.evidence()).containsExactly("gap-gated share up 0.0 % -> 20.0 %");
    }
}
