package io.tsfm.streams.ops.api;

/**
 * A validated {@code POST /tsfm/forecast} request in the seed's fields. Optional fields the caller left
 * out are null and take the instance's settings; {@code freq} always has a value (the parser's default).
 *
 * @param asOfMs          {@code as_of_ts} in epoch milliseconds
 * @param stepMs          {@code freq} as milliseconds
 * @param horizonSteps    {@code horizon_steps}, null when absent
 * @param quantiles       {@code quantiles}, strictly ascending in (0,1); null when absent
 * @param y               the probabilities, 2..20000 finite values in [0,1]
 * @param yTsMs           {@code y_ts} in epoch milliseconds, same length as y; null when absent
 * @param transformSpace  "logit" or "none"; null when absent
 * @param transformEps    the transform's clip epsilon; null when absent
 * @param covariatesGiven true when {@code x_past} or {@code x_future} was non-empty (accepted, not used)
 */
public record OnDemandRequest(
        String marketId,
        long asOfMs,
        String freq,
        long stepMs,
        Integer horizonSteps,
        double[] quantiles,
        double[] y,
        long[] yTsMs,
        String transformSpace,
        Double transformEps,
        String modelProvider,
        String modelName,
        String modelVersion,
        String liquidityBucket,
        boolean covariatesGiven) {}
