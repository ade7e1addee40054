package io.tsfm.streams.evaluate;

import java.util.List;

/**
 * One forecaster's calibration results.
 *
 * @param name             the forecaster
 * @param forecasts        forecasts made and scored over the whole run, warm-up included
 * @param scoredForecasts  forecasts made after the warm-up (the "scored" period of the tables)
 * @param holdoutForecasts forecasts of the second half of the scored period (where the offline conformal is tested)
 * @param scored           per served band, over the scored period: uncalibrated first, then each online method,
 *                         then the minimum-width reference
 * @param holdout          per served band, over the second half: uncalibrated, each online method, offline conformal
 */
public record ForecasterCalibration(String name, long forecasts, long scoredForecasts, long holdoutForecasts,
                                    List<MethodScores> scored, List<MethodScores> holdout) {

    public ForecasterCalibration {
        scored = List.copyOf(scored);
        holdout = List.copyOf(holdout);
    }

    /** The named method's scores over the scored period. */
    public MethodScores scored(final String method) {
        return find(scored, method);
    }

    /** The named method's scores over the second half of the scored period. */
    public MethodScores holdout(final String method) {
        return find(holdout, method);
    }

    private static MethodScores find(final List<MethodScores> list, final String method) {
        return list.stream().filter(m -> m.method().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no method " + method));
    }
}
