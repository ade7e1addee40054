package io.tsfm.streams.calibrate;

import io.tsfm.streams.domain.QuantilePaths;
import java.util.List;
import java.util.Objects;

/**
 * A forecast after post-processing, with what the fixes did: the warnings go into forecast meta and
 * the step counts feed the crossing / width / invalid-output metrics.
 */
public record SanitizedForecast(
        QuantilePaths paths,
        List<String> warnings,
        int crossingFixedSteps,
        int minWidthSteps,
        int maxWidthSteps,
        int invalidSteps) {

    public SanitizedForecast {
        Objects.requireNonNull(paths, "paths");
        warnings = List.copyOf(warnings);
    }
}
