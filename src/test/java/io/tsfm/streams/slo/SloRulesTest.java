package io.tsfm.streams.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The SLO spec is read and checked, and turns into the rules its objectives mean, byte for byte stable. */
class SloRulesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static SloSpec spec(final String yaml) throws Exception {
        return SloSpec.of(YAML.readTree(yaml));
    }

    private static final String FRESHNESS = """
            period: 28d
            slos:
              - name: freshness
                objective: 0.995
                description: Published in time.
                sli:
                  events:
                    good: sum by (rollout_stage) (rate(ok_total[$window]))
                    total: sum by (rollout_stage) (rate(all_total[$window]))
            """;

    @Test
    void theCheckedInRulesAreWhatTheCheckedInSpecGenerates() throws Exception {
        final String generated = SloRules.of(SloSpec.read(Path.of("monitoring/slo.yml")), "monitoring/slo.yml");

        assertThat(Files.readString(Path.of("monitoring/prometheus/rules/tsfm-slo.yml")))
                .as("monitoring/prometheus/rules/tsfm-slo.yml is stale: run slo-rules")
                .isEqualTo(generated);
    }

    @Test
    void anEventsObjectiveHasItsErrorRatioOverEveryWindow() throws Exception {
        final SloSpec.Objective o = spec(FRESHNESS).objectives().get(0);

        assertThat(SloRules.errorRatio(o, "1h"))
                .isEqualTo(
                        "1 - (sum by (rollout_stage) (rate(ok_total[1h]))) / ((sum by (rollout_stage) (rate(all_total[1h]))) > 0)");
        assertThat(SloRules.of(spec(FRESHNESS), "s.yml"))
                .contains(SloRules.WINDOWS.stream()
                        .map(w -> "record: rollout_stage:tsfm_slo_errors:ratio_rate" + w)
                        .toArray(String[]::new));
    }

    @Test
    void aBadEventsObjectiveDividesItsBadEventsByTheTotal() throws Exception {
        final SloSpec.Objective o =
                spec(FRESHNESS.replace("good:", "bad:")).objectives().get(0);

        assertThat(SloRules.errorRatio(o, "5m"))
                .isEqualTo(
                        "(sum by (rollout_stage) (rate(ok_total[5m]))) / ((sum by (rollout_stage) (rate(all_total[5m]))) > 0)");
    }

    @Test
    void aSlicesObjectiveCountsTheShareOfBadMinutes() throws Exception {
        final SloSpec.Objective o = spec("""
                        period: 28d
                        slos:
                          - name: liveness
                            objective: 0.995
                            description: On time.
                            sli:
                              slices:
                                good: max by (rollout_stage) (lag) <= bool 600
                        """).objectives().get(0);

        assertThat(SloRules.errorRatio(o, "6h"))
                .isEqualTo("1 - avg_over_time(rollout_stage:tsfm_slo_slice_good:bool{slo=\"liveness\"}[6h])");
    }

    @Test
    void thePageAndTheTicketPairTheWorkbookWindowsAtTheirBurnRatesOfAnExactBudget() throws Exception {
        final String rules = SloRules.of(spec(FRESHNESS), "s.yml");

        assertThat(rules)
                .contains("(rollout_stage:tsfm_slo_errors:ratio_rate1h{slo=\"freshness\"} > (14.4 * 0.005) and "
                        + "rollout_stage:tsfm_slo_errors:ratio_rate5m{slo=\"freshness\"} > (14.4 * 0.005))\n"
                        + "          or\n"
                        + "          (rollout_stage:tsfm_slo_errors:ratio_rate6h{slo=\"freshness\"} > (6 * 0.005) and "
                        + "rollout_stage:tsfm_slo_errors:ratio_rate30m{slo=\"freshness\"} > (6 * 0.005))")
                .contains("(rollout_stage:tsfm_slo_errors:ratio_rate3d{slo=\"freshness\"} > (1 * 0.005) and "
                        + "rollout_stage:tsfm_slo_errors:ratio_rate6h{slo=\"freshness\"} > (1 * 0.005))")
                .contains(
                        "1 - avg_over_time(rollout_stage:tsfm_slo_errors:ratio_rate5m{slo=\"freshness\"}[28d]) / 0.005");
        assertThat(spec(FRESHNESS).objectives().get(0).budget()).isEqualByComparingTo(new BigDecimal("0.005"));
    }

    @Test
    void theGeneratedFileIsYamlWithOneAlertOfEachKindPerObjective() throws Exception {
        final JsonNode rules = YAML.readTree(SloRules.of(SloSpec.read(Path.of("monitoring/slo.yml")), "x"));

        int fast = 0;
        int slow = 0;
        for (final JsonNode group : rules.path("groups")) {
            for (final JsonNode rule : group.path("rules")) {
                fast += SloRules.FAST_BURN.equals(rule.path("alert").asText()) ? 1 : 0;
                slow += SloRules.SLOW_BURN.equals(rule.path("alert").asText()) ? 1 : 0;
            }
        }
        assertThat(fast).isEqualTo(5);
        assertThat(slow).isEqualTo(5);
    }

    @Test
    void aRateWithoutTheWindowPlaceholderIsRefused() {
        assertThatThrownBy(() -> spec(FRESHNESS.replace("[$window]))\n", "[5m]))\n")))
                .isInstanceOf(SloSpec.InvalidSpec.class)
                .hasMessage("slo freshness sli.events.total: a rate needs its range written as [$window]");
    }

    @Test
    void anObjectiveOutsideZeroAndOneIsRefused() {
        assertThatThrownBy(() -> spec(FRESHNESS.replace("0.995", "99.5")))
                .isInstanceOf(SloSpec.InvalidSpec.class)
                .hasMessage("slo freshness: objective must be a number between 0 and 1 (0.995 for 99.5 %)");
    }

    @Test
    void twoObjectivesOfOneNameAreRefused() {
        final String twice = FRESHNESS + FRESHNESS.substring(FRESHNESS.indexOf("  - name"));

        assertThatThrownBy(() -> spec(twice))
                .isInstanceOf(SloSpec.InvalidSpec.class)
                .hasMessage("slo freshness: named twice");
    }

    @Test
    void anSliWithBothEventsAndSlicesIsRefused() {
        assertThatThrownBy(() -> spec(FRESHNESS + "      slices:\n        good: up\n"))
                .isInstanceOf(SloSpec.InvalidSpec.class)
                .hasMessage("slo freshness: sli needs exactly one of 'events' or 'slices'");
    }

    @Test
    void aPeriodThatIsNotADurationIsRefused() {
        assertThatThrownBy(() -> spec(FRESHNESS.replace("period: 28d", "period: a month")))
                .isInstanceOf(SloSpec.InvalidSpec.class)
                .hasMessage("period: 'a month' is not a Prometheus duration such as 28d");
    }
}
