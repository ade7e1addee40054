package io.tsfm.streams.simulate;

import java.time.Instant;
import java.util.Locale;

/**
 * The evolving state of one simulated market: a fair value that follows a logit-space random walk with
 * calm/volatile regimes (a Markov switch) and rare jumps, a liquidity-driven tick schedule, and for a few
 * markets a hard drift to 0 or 1, after which the market ticks at the resolved value for a while and then
 * stops. What a tick shows is not the fair value but a price on the market's grid, as real prediction
 * markets show it: on a 0.01 grid the last trade, which prints now and then at the bid or the ask around
 * the fair value (so it holds still between trades and bounces between two prices, and trades at once when
 * the fair value has run several ticks away from it, after news); on a 0.001 grid the
 * midpoint, which moves only once the fair value has left it by more than a tick. Prices therefore sit
 * still most of the time and move in ticks and jumps (docs/forecaster.md compares their statistics with
 * real markets').
 * Each market draws from its own random stream, so markets do not disturb each other's paths. An
 * optional {@link InputDrift} shifts the level and scales the volatility from its instant on; before
 * it, and without one, the path is exactly the undrifted one.
 */
final class MarketProcess {

    static final long STEP_MS = 300_000L;
    private static final long MINUTE_MS = 60_000L;

    private static final double LOGIT_LIMIT = 6.0;
    private static final double CALM_TO_VOLATILE_PER_STEP = 0.005;
    private static final double VOLATILE_TO_CALM_PER_STEP = 0.06;
    private static final double VOLATILE_SIGMA_FACTOR = 6.0;
    private static final double JUMPS_PER_STEP_CALM = 0.003;
    private static final double JUMPS_PER_STEP_VOLATILE = 0.02;
    private static final double JUMP_SIGMA = 0.9;
    private static final double BASE_SIGMA_MIN = 0.0003;
    private static final double BASE_SIGMA_MAX = 0.003;
    private static final double VOLUME_SIGMA_PER_STEP = 0.01;
    private static final double LOW_LONG_GAP_PROBABILITY = 0.12;
    /** Share of markets on a 0.01 grid showing the last trade; the others show a 0.001 midpoint. */
    private static final double LAST_TRADE_SHARE = 0.4;
    /** Chance that a tick of a liquid last-trade market brings a trade (else it repeats the last price). */
    private static final double TRADE_PER_TICK = 0.02;
    /** The same for a low-liquidity market, whose few ticks mostly come from trades. */
    private static final double TRADE_PER_TICK_LOW = 0.5;
    /** How far (in ticks) the fair value may leave a last trade before someone trades at once. */
    private static final double STALE_TICKS = 3.0;
    /** How far (in ticks) the fair value must leave a midpoint market's shown price before it moves. */
    private static final double MIDPOINT_STICKINESS = 1.0;

    private final String marketId;
    private final LiquidityClass liquidity;
    private final SimRandom rng;
    private final long endMs;
    private final double baseSigma;
    private final double ticksPerStep;
    private final double priceTick;
    private final boolean lastTrade;
    private double shown = Double.NaN;
    private final long driftStartMs;
    private final long resolveAtMs;
    private final long stopAtMs;
    private final int outcome;
    private final long inputDriftAtMs;
    private final double inputDriftLevelShift;
    private final double inputDriftVolatilityFactor;

    private double logit;
    private boolean volatileRegime;
    private double volume;
    private double interestRatio;
    private long stateMs;
    private long nextTickMs;
    private boolean inputDrifted;

    /** @param inputDrift drift injected from {@code startMs + inputDrift.after()}, or null for none */
    MarketProcess(
            final long seed,
            final int index,
            final long startMs,
            final long endMs,
            final boolean resolving,
            final InputDrift inputDrift) {
        this.marketId = marketId(index);
        this.rng = SimRandom.forStream(seed, index);
        this.endMs = endMs;
        this.liquidity = drawLiquidity(rng);
        this.baseSigma = rng.uniform(BASE_SIGMA_MIN, BASE_SIGMA_MAX);
        this.lastTrade = rng.chance(LAST_TRADE_SHARE);
        this.priceTick = lastTrade ? 0.01 : 0.001;
        this.ticksPerStep = liquidity == LiquidityClass.HIGH ? rng.uniform(3.0, 10.0) : rng.uniform(0.8, 1.25);
        final double initialP = rng.uniform(0.05, 0.95);
        this.logit = StrictMath.log(initialP / (1.0 - initialP));
        this.volume = StrictMath.exp(
                rng.uniform(StrictMath.log(liquidity.minVolume() * 1.1), StrictMath.log(liquidity.maxVolume() / 1.1)));
        this.interestRatio = rng.uniform(0.3, 0.9);
        this.outcome = rng.chance(initialP) ? 1 : 0;
        final long span = endMs - startMs;
        final long resolveAt = startMs + (long) (span * rng.uniform(0.3, 0.85));
        final long drift = (long) (rng.uniform(30, 120) * MINUTE_MS);
        final long linger = (long) (rng.uniform(30, 180) * MINUTE_MS);
        this.resolveAtMs = resolving ? resolveAt : Long.MAX_VALUE;
        this.driftStartMs = resolving ? resolveAt - drift : Long.MAX_VALUE;
        this.stopAtMs = resolving ? resolveAt + linger : Long.MAX_VALUE;
        this.stateMs = startMs;
        this.nextTickMs = startMs + firstDelayMs();
        this.inputDriftAtMs = inputDrift == null || !inputDrift.applies(liquidity)
                ? Long.MAX_VALUE
                : startMs + inputDrift.after().toMillis();
        this.inputDriftLevelShift = inputDrift == null ? 0.0 : inputDrift.levelShift();
        this.inputDriftVolatilityFactor = inputDrift == null ? 1.0 : inputDrift.volatilityFactor();
    }

    static String marketId(final int index) {
        return String.format(Locale.ROOT, "m-%04d", index + 1);
    }

    MarketProfile profile() {
        final boolean resolves = resolveAtMs != Long.MAX_VALUE;
        return new MarketProfile(
                marketId,
                liquidity,
                resolves ? Instant.ofEpochMilli(resolveAtMs) : null,
                outcome,
                resolves ? Instant.ofEpochMilli(stopAtMs) : null);
    }

    String marketId() {
        return marketId;
    }

    boolean hasNext() {
        return nextTickMs < endMs && nextTickMs <= stopAtMs;
    }

    long nextTickMs() {
        return nextTickMs;
    }

    /** Advances the market to its next tick time, returns that tick and schedules the following one. */
    Tick next() {
        final long tickMs = nextTickMs;
        evolveTo(tickMs);
        final double p = tickMs >= resolveAtMs ? outcome : Tick.round(shownPrice(sigmoid(logit)), 4);
        final double roundedVolume = Tick.round(volume, 2);
        // open interest stays inside the class range too, so either figure gives the same bucket
        final double interest = Tick.round(liquidity.minVolume() + (volume - liquidity.minVolume()) * interestRatio, 2);
        nextTickMs = tickMs + nextDelayMs();
        return new Tick(marketId, tickMs, p, liquidity.bucket(), roundedVolume, interest);
    }

    /** The price a tick shows for the fair value {@code fair} (see the class comment). */
    private double shownPrice(final double fair) {
        if (lastTrade) {
            final double bid =
                    Math.max(priceTick, Math.min(1.0 - 2 * priceTick, Math.floor(fair / priceTick) * priceTick));
            final double trade = liquidity == LiquidityClass.LOW ? TRADE_PER_TICK_LOW : TRADE_PER_TICK;
            if (Double.isNaN(shown) || rng.chance(trade) || Math.abs(fair - shown) > STALE_TICKS * priceTick) {
                // a buyer lifts the ask as often as the fair value sits close to it
                shown = rng.chance((fair - bid) / priceTick) ? bid + priceTick : bid;
            }
        } else if (Double.isNaN(shown) || Math.abs(fair - shown) > MIDPOINT_STICKINESS * priceTick) {
            shown = Math.max(priceTick, Math.min(1.0 - priceTick, Math.rint(fair / priceTick) * priceTick));
        }
        return shown;
    }

    private void evolveTo(final long targetMs) {
        while (stateMs < targetMs) {
            if (!inputDrifted && stateMs >= inputDriftAtMs) {
                inputDrifted = true;
                logit = Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, logit + inputDriftLevelShift));
            }
            long chunkMs = Math.min(STEP_MS, targetMs - stateMs);
            if (!inputDrifted && stateMs + chunkMs > inputDriftAtMs) {
                // end the chunk at the drift, so the shift lands at its instant
                chunkMs = inputDriftAtMs - stateMs;
            }
            final double dt = (double) chunkMs / STEP_MS;
            final double switchPerStep = volatileRegime ? VOLATILE_TO_CALM_PER_STEP : CALM_TO_VOLATILE_PER_STEP;
            if (rng.chance(1.0 - StrictMath.pow(1.0 - switchPerStep, dt))) {
                volatileRegime = !volatileRegime;
            }
            double sigma = baseSigma * (volatileRegime ? VOLATILE_SIGMA_FACTOR : 1.0);
            if (inputDrifted) {
                sigma *= inputDriftVolatilityFactor;
            }
            logit += sigma * StrictMath.sqrt(dt) * rng.gaussian();
            final double jumpsPerStep = volatileRegime ? JUMPS_PER_STEP_VOLATILE : JUMPS_PER_STEP_CALM;
            if (rng.chance(1.0 - StrictMath.exp(-jumpsPerStep * dt))) {
                logit += JUMP_SIGMA * rng.gaussian();
            }
            if (stateMs + chunkMs > driftStartMs && stateMs < resolveAtMs) {
                // bridge towards the outcome so the price reaches it by the resolution time
                final double target = outcome == 1 ? LOGIT_LIMIT : -LOGIT_LIMIT;
                final double share = Math.min(1.0, (double) chunkMs / (resolveAtMs - stateMs));
                logit += (target - logit) * share;
            }
            logit = Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, logit));
            volume =
                    clampToClass(volume * StrictMath.exp(VOLUME_SIGMA_PER_STEP * StrictMath.sqrt(dt) * rng.gaussian()));
            interestRatio = Math.max(
                    0.1,
                    Math.min(
                            0.95,
                            interestRatio
                                    * StrictMath.exp(
                                            0.5 * VOLUME_SIGMA_PER_STEP * StrictMath.sqrt(dt) * rng.gaussian())));
            stateMs += chunkMs;
        }
    }

    private long firstDelayMs() {
        if (liquidity == LiquidityClass.LOW) {
            return (long) rng.uniform(0, 40 * MINUTE_MS);
        }
        return nextDelayMs();
    }

    private long nextDelayMs() {
        if (liquidity == LiquidityClass.LOW) {
            final boolean longGap = rng.chance(LOW_LONG_GAP_PROBABILITY);
            return (long) (longGap ? rng.uniform(60, 180) * MINUTE_MS : rng.uniform(15, 40) * MINUTE_MS);
        }
        return Math.max(1L, Math.round(rng.exponential(STEP_MS / ticksPerStep)));
    }

    private double clampToClass(final double value) {
        return Math.max(liquidity.minVolume(), Math.min(liquidity.maxVolume() - 0.01, value));
    }

    private static LiquidityClass drawLiquidity(final SimRandom rng) {
        final double u = rng.nextDouble();
        if (u < 0.3) {
            return LiquidityClass.HIGH;
        }
        return u < 0.7 ? LiquidityClass.MID : LiquidityClass.LOW;
    }

    private static double sigmoid(final double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }
}
