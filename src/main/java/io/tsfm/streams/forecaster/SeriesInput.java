package io.tsfm.streams.forecaster;

import java.util.List;

/**
 * One validated series of a forecast request: the parts the local models use (covariates are
 * validated for shape, then ignored, as tollama's mock does).
 */
record SeriesInput(String id, String freq, List<String> timestamps, double[] target) {

    SeriesInput {
        timestamps = List.copyOf(timestamps);
        target = target.clone();
    }
}
