package io.tsfm.streams.simulate;

import java.time.Instant;
import java.util.Optional;

/**
 * The fixed traits of one simulated market, so tests and demos can tell which markets are liquid and
 * which resolve without parsing ticks.
 *
 * @param marketId   the market id ({@code m-0001}, ...)
 * @param liquidity  the liquidity class (tick rate and bucket)
 * @param resolvesAt event time from which every tick is exactly 0.0 or 1.0, or null when it never resolves
 * @param outcome    the resolved value (0 or 1); meaningful only when {@code resolvesAt} is set
 * @param stopsAt    event time after which the market no longer ticks, or null when it ticks to the end
 */
public record MarketProfile(
        String marketId, LiquidityClass liquidity, Instant resolvesAt, int outcome, Instant stopsAt) {

    public boolean resolves() {
        return resolvesAt != null;
    }

    public Optional<Instant> resolution() {
        return Optional.ofNullable(resolvesAt);
    }
}
