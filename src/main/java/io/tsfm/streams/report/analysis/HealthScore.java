package io.tsfm.streams.report.analysis;

import java.util.List;

/**
 * The report's health score, 0 to 100: seeds/004's deductions, adapted to what this service measures.
 *
 * <pre>
 * score = 100
 *       - 15 per objective whose compliance over the period is below its target        (at most 45)
 *       - 20 * the largest share of an objective's error budget burned in the period   (at most 20)
 *       - 10 per regression finding                                                   (at most 40)
 * </pre>
 *
 * rounded to the nearest integer, never below 0. An objective whose figures are unknown deducts nothing (the
 * report says which were unknown).
 */
public final class HealthScore {
    private HealthScore() {}

    /** One objective's figures over the period; NaN where unknown. */
    public record Objective(String name, double target, double compliance, double budgetBurned) {
        public boolean violated() {
            return Double.isFinite(compliance) && compliance < target;
        }
    }

    /** The score and each deduction, so the report can show how it was reached. */
    public record Score(int score, double sloViolations, double budgetBurned, double regressions) {}

    public static Score of(final List<Objective> objectives, final int findings) {
        final long violated = objectives.stream().filter(Objective::violated).count();
        final double violations = Math.min(45.0, 15.0 * violated);
        final double worstBurn = objectives.stream()
                .mapToDouble(Objective::budgetBurned)
                .filter(Double::isFinite)
                .max()
                .orElse(0.0);
        final double burned = Math.min(20.0, 20.0 * Math.max(0.0, worstBurn));
        final double regressions = Math.min(40.0, 10.0 * findings);
        final long score = Math.round(100.0 - violations - burned - regressions);
        return new Score((int) Math.max(0, score), violations, burned, regressions);
    }
}
