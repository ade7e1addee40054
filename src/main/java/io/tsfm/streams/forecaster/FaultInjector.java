package io.tsfm.streams.forecaster;

import java.util.Objects;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Holds the current {@link FaultProfile} and draws each forecast request's {@link FaultDecision}
 * from a seeded {@link Random}, so fault sequences are reproducible run to run. The profile can be
 * replaced at run time (Java or {@code PUT /admin/faults}); replacing it restarts the
 * {@code fail_first_n} countdown and the outage cycle.
 *
 * <p>Precedence per request: fail_first_n, outage-cycle down phase, hang, error, garbage, healthy.
 */
public final class FaultInjector {

    private final Random random;
    private final LongSupplier clockMillis;
    private FaultProfile profile;
    private int failFirstRemaining;
    private long profileSetAtMillis;

    public FaultInjector(final FaultProfile initial, final long seed) {
        this(initial, seed, System::currentTimeMillis);
    }

    /** With an explicit wall clock (milliseconds), for tests of the outage cycle. */
    public FaultInjector(final FaultProfile initial, final long seed, final LongSupplier clockMillis) {
        this.random = new Random(seed);
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
        set(initial);
    }

    /** The profile in force. */
    public synchronized FaultProfile profile() {
        return profile;
    }

    /** Replaces the profile; restarts fail_first_n and the outage cycle. */
    public synchronized void set(final FaultProfile newProfile) {
        this.profile = Objects.requireNonNull(newProfile, "profile");
        this.failFirstRemaining = newProfile.failFirstN();
        this.profileSetAtMillis = clockMillis.getAsLong();
    }

    /** Back to no faults. */
    public void clear() {
        set(FaultProfile.NONE);
    }

    /** How many of the fail_first_n failures are still to come. */
    public synchronized int failFirstRemaining() {
        return failFirstRemaining;
    }

    /** True while the outage cycle is in its down phase. */
    public synchronized boolean inOutage() {
        final long down = profile.cycleDownMs();
        if (down <= 0) {
            return false;
        }
        final long period = down + profile.cycleUpMs();
        final long elapsed = Math.max(0, clockMillis.getAsLong() - profileSetAtMillis);
        return period == down || elapsed % period < down;
    }

    /** Draws the fate of one forecast request carrying {@code seriesCount} series. */
    public synchronized FaultDecision decide(final int seriesCount) {
        final FaultProfile p = profile;
        long delay = p.latencyMs() + p.latencyPerSeriesMs() * seriesCount;
        if (p.latencyJitterMs() > 0) {
            delay += random.nextLong(p.latencyJitterMs() + 1);
        }
        if (failFirstRemaining > 0) {
            failFirstRemaining--;
            return error(delay, p);
        }
        if (inOutage()) {
            return error(delay, p);
        }
        if (roll(p.hangRate())) {
            return new FaultDecision(FaultDecision.Outcome.HANG, 0, 0, null);
        }
        if (roll(p.errorRate())) {
            return error(delay, p);
        }
        if (roll(p.garbageRate())) {
            return new FaultDecision(FaultDecision.Outcome.GARBAGE, delay, 0, p.garbageKind());
        }
        return new FaultDecision(FaultDecision.Outcome.HEALTHY, delay, 0, null);
    }

    private static FaultDecision error(final long delay, final FaultProfile p) {
        return new FaultDecision(FaultDecision.Outcome.ERROR, delay, p.errorStatus(), null);
    }

    private boolean roll(final double rate) {
        if (rate <= 0.0) {
            return false;
        }
        if (rate >= 1.0) {
            return true;
        }
        return random.nextDouble() < rate;
    }
}
