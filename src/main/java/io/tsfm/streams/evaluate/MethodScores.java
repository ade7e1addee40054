package io.tsfm.streams.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * One served band's scores (uncalibrated, an online method or the offline conformal) over a period:
 * over all steps, and per horizon step, for every market, moving and flat markets.
 */
public record MethodScores(String method, SliceScores all, SliceScores moving, SliceScores flat,
                           List<StepScores> steps) {

    public MethodScores {
        steps = List.copyOf(steps);
    }

    static MethodScores of(final String method, final CalibrationSheet sheet) {
        final List<StepScores> steps = new ArrayList<>();
        for (int h = 1; h <= sheet.horizon(); h++) {
            steps.add(new StepScores(h, sheet.scores(CalibrationSheet.ALL, h), sheet.scores(CalibrationSheet.MOVING, h),
                    sheet.scores(CalibrationSheet.FLAT, h)));
        }
        return new MethodScores(method, sheet.scores(CalibrationSheet.ALL, 0), sheet.scores(CalibrationSheet.MOVING, 0),
                sheet.scores(CalibrationSheet.FLAT, 0), steps);
    }

    /** Scores of horizon step {@code h} (1-based). */
    public StepScores step(final int h) {
        return steps.get(h - 1);
    }

    /** How many horizon steps cover within {@code tolerance} of {@code target} on moving markets. */
    public int movingStepsWithin(final double target, final double tolerance) {
        int n = 0;
        for (final StepScores s : steps) {
            // a hair of slack so that a coverage printed as 78.0 % counts as within 2 points
            if (s.moving().deviation(target) <= tolerance + 1e-12) {
                n++;
            }
        }
        return n;
    }

    /** Mean over the horizon steps of |coverage - target| on moving markets. */
    public double movingMeanDeviation(final double target) {
        double sum = 0.0;
        for (final StepScores s : steps) {
            sum += s.moving().deviation(target);
        }
        return sum / steps.size();
    }

    /** Largest |coverage - target| over the horizon steps on moving markets. */
    public double movingMaxDeviation(final double target) {
        double max = 0.0;
        for (final StepScores s : steps) {
            max = Math.max(max, s.moving().deviation(target));
        }
        return max;
    }
}
