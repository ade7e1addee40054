package io.tsfm.streams.model.license;

import static io.tsfm.streams.config.ConfigKeys.MODEL_LICENSE_CHECK_OVERRIDE;
import static io.tsfm.streams.config.ConfigKeys.MODEL_LICENSE_RECHECK_MAX_MS;
import static io.tsfm.streams.config.ConfigKeys.MODEL_LICENSE_RECHECK_MS;

import io.tsfm.streams.config.AppConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The licence state of every model the app calls, kept while it runs. A licence the start-up check could not
 * read (the model server was down) is read again in the background, with a backoff, and the model is called
 * only once its licence is read and allowed; one that turns out refused stays on the baseline, with an ERROR.
 * A model server that restarts together with the app then costs model forecasts, not the service.
 */
public final class ModelLicences implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelLicences.class);

    /** What the gates need to know of a model's licence. */
    public enum State {
        /** Read and allowed, or refused with the check overridden: the model may be called. */
        VERIFIED,
        /** Not read yet: the model server could not be asked. */
        UNVERIFIED,
        /** Read after start-up and not allowed: the model is not called until a restart with another setting. */
        REFUSED
    }

    private final LicenseGuard guard;
    private final Map<ModelRef, Entry> entries = new LinkedHashMap<>();
    private final long firstDelayMs;
    private final long maxDelayMs;
    private ScheduledExecutorService rechecks;

    private static final class Entry {
        volatile State state;
        int failedReads;

        Entry(final State state) {
            this.state = state;
        }
    }

    /**
     * @param guard        reads and judges a licence
     * @param decisions    the start-up check's decisions ({@link LicenseGuard#check})
     * @param firstDelayMs wait before the first re-read of an unverified licence; doubled after each failed read
     * @param maxDelayMs   longest wait between two re-reads
     */
    public ModelLicences(
            final LicenseGuard guard,
            final List<LicenseDecision> decisions,
            final long firstDelayMs,
            final long maxDelayMs) {
        this.guard = guard;
        this.firstDelayMs = firstDelayMs;
        this.maxDelayMs = maxDelayMs;
        for (final LicenseDecision d : decisions) {
            final boolean callable = d.allowed() || (guard != null && guard.overridden());
            entries.put(
                    d.model(),
                    new Entry(callable ? State.VERIFIED : d.unverified() ? State.UNVERIFIED : State.REFUSED));
        }
    }

    /** No check was made (tests, tools that never call a remote model): every model is callable. */
    public static ModelLicences unchecked() {
        return new ModelLicences(null, List.of(), 1, 1);
    }

    /**
     * The start-up check of a configuration, and the re-reads it needs.
     *
     * @throws LicenseRefusedException when a model's licence is known and refused, and the check is not overridden
     */
    public static ModelLicences check(final AppConfig config) {
        final LicenseGuard guard = LicenseGuard.from(config);
        final List<LicenseDecision> decisions = guard.check(LicenseGuard.modelsOf(config));
        return new ModelLicences(
                        guard,
                        decisions,
                        config.getLong(MODEL_LICENSE_RECHECK_MS),
                        config.getLong(MODEL_LICENSE_RECHECK_MAX_MS))
                .start();
    }

    /** Starts the background re-reads when a licence is unverified; idempotent. */
    public synchronized ModelLicences start() {
        if (rechecks == null && !unverified().isEmpty()) {
            rechecks = Executors.newSingleThreadScheduledExecutor(r -> {
                final Thread t = new Thread(r, "tsfm-licence-recheck");
                t.setDaemon(true);
                return t;
            });
            // the re-read logs its own failures and schedules the next one: nothing to collect from the future
            final var unused = rechecks.schedule(this::recheckAndReschedule, firstDelayMs, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** A model's state; a model the check did not cover (no check was made) is callable. */
    public State state(final ModelRef model) {
        final Entry entry = entries.get(model);
        return entry == null ? State.VERIFIED : entry.state;
    }

    /** Models whose licence is still to be read, for readiness. */
    public List<ModelRef> unverified() {
        return inState(State.UNVERIFIED);
    }

    /** Models refused after start-up, for readiness. */
    public List<ModelRef> refused() {
        return inState(State.REFUSED);
    }

    private List<ModelRef> inState(final State state) {
        return entries.entrySet().stream()
                .filter(e -> e.getValue().state == state)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The wait before re-read number {@code failedReads + 1}: first delay doubled per failed read, capped. */
    static long delayAfter(final int failedReads, final long firstDelayMs, final long maxDelayMs) {
        long delay = firstDelayMs;
        for (int i = 0; i < failedReads && delay < maxDelayMs; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxDelayMs);
    }

    /**
     * Reads every unverified licence once and moves each model to its new state.
     *
     * @return the wait before the next re-read, or -1 when no licence is left to read
     */
    synchronized long recheck() {
        int fewestFailures = Integer.MAX_VALUE;
        for (final Map.Entry<ModelRef, Entry> e : entries.entrySet()) {
            final Entry entry = e.getValue();
            if (entry.state != State.UNVERIFIED) {
                continue;
            }
            final LicenseDecision decision = guard.decide(e.getKey());
            if (decision.allowed()) {
                entry.state = State.VERIFIED;
                LOG.info("model licence verified: {}; the model is called from the next cycle", decision.describe());
            } else if (decision.unverified()) {
                entry.failedReads++;
                fewestFailures = Math.min(fewestFailures, entry.failedReads);
                LOG.debug("model licence still unverified after {} reads: {}", entry.failedReads, decision.describe());
            } else if (guard.overridden()) {
                entry.state = State.VERIFIED;
                LOG.warn(
                        "LICENCE CHECK OVERRIDDEN ({}=true): calling {} although {}; allowlist {}",
                        MODEL_LICENSE_CHECK_OVERRIDE,
                        decision.model(),
                        decision.reason(),
                        guard.allowlist());
            } else {
                entry.state = State.REFUSED;
                LOG.error(
                        "model licence refused: {}; the baseline keeps serving its markets (fallback "
                                + "model_licence_refused). Allowed licences: {}. Fix the model or the allowlist and restart.",
                        decision.describe(),
                        guard.allowlist());
            }
        }
        return fewestFailures == Integer.MAX_VALUE ? -1 : delayAfter(fewestFailures, firstDelayMs, maxDelayMs);
    }

    private void recheckAndReschedule() {
        long next;
        try {
            next = recheck();
        } catch (final RuntimeException e) {
            LOG.error("model licence re-read failed; trying again in {} ms", maxDelayMs, e);
            next = maxDelayMs;
        }
        synchronized (this) {
            if (next >= 0 && !rechecks.isShutdown()) {
                final var unused = rechecks.schedule(this::recheckAndReschedule, next, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (rechecks != null) {
            rechecks.shutdownNow();
        }
    }
}
