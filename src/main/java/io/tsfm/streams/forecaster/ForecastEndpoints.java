package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsfm.streams.forecaster.model.LocalModel;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /v1/forecast} and {@code POST /api/forecast}: validate, find the installed model,
 * count the request, draw its fault, compute the answer, and send it now or after the injected
 * delay. Delayed answers are completed by a scheduler handing off to the worker pool, so no thread
 * is held while a request waits; hung requests are kept (up to {@value #MAX_HUNG}) until the server
 * closes.
 */
final class ForecastEndpoints implements AutoCloseable {

    private final InstalledModels installed;
    private final FaultInjector faults;
    private final ServerStats stats;
    private final ScheduledExecutorService scheduler;
    private final Executor workers;
    /** Most hung requests held at once; beyond it the oldest is dropped, so a long "hang" demo cannot run out of sockets. */
    static final int MAX_HUNG = 1024;

    private final Set<HttpCall> unanswered = ConcurrentHashMap.newKeySet();
    private final Deque<HttpCall> hung = new ArrayDeque<>();

    ForecastEndpoints(
            final InstalledModels installed,
            final FaultInjector faults,
            final ServerStats stats,
            final ScheduledExecutorService scheduler,
            final Executor workers) {
        this.installed = installed;
        this.faults = faults;
        this.stats = stats;
        this.scheduler = scheduler;
        this.workers = workers;
    }

    void v1(final HttpCall call) throws IOException {
        handle(call, false);
    }

    void api(final HttpCall call) throws IOException {
        handle(call, true);
    }

    private void handle(final HttpCall call, final boolean streamingEndpoint) throws IOException {
        final ForecastRequest request = ForecastRequestParser.parse(call.readBody(), streamingEndpoint);
        final LocalModel model = installed.require(request.model());
        stats.recordRequest(request.series().size());
        final FaultDecision decision = faults.decide(request.series().size());
        if (decision.faulted()) {
            stats.recordFault();
        }
        if (decision.outcome() == FaultDecision.Outcome.HANG) {
            hang(call);
            return;
        }
        final Double timeout = request.timeoutSeconds();
        if (timeout != null && decision.delayMs() > timeout * 1000) {
            if (!decision.faulted()) {
                stats.recordFault();
            }
            later(call, (long) Math.ceil(timeout * 1000), () -> call.sendError(InjectedErrors.timedOut(timeout)));
            return;
        }
        if (decision.outcome() == FaultDecision.Outcome.ERROR) {
            later(call, decision.delayMs(), () -> call.sendError(InjectedErrors.forStatus(decision.errorStatus())));
            return;
        }
        final ObjectNode response = ForecastResponses.forecast(model, request, call.elapsedMs(), decision.delayMs());
        if (decision.outcome() == FaultDecision.Outcome.HEALTHY) {
            ForecastResponses.shift(response, faults.profile().quantileShift());
        }
        final byte[] json = decision.outcome() == FaultDecision.Outcome.GARBAGE
                ? GarbageMaker.corrupt(response, decision.garbageKind())
                : Json.bytes(response);
        later(call, decision.delayMs(), () -> {
            if (request.stream()) {
                call.sendNdjson(ForecastResponses.streamLines(json));
            } else {
                call.sendBytes(200, "application/json", json, Map.of());
            }
        });
    }

    private void hang(final HttpCall call) {
        final HttpCall dropped;
        synchronized (hung) {
            hung.addLast(call);
            dropped = hung.size() > MAX_HUNG ? hung.removeFirst() : null;
        }
        if (dropped != null) {
            dropped.abandon();
        }
    }

    private void later(final HttpCall call, final long delayMs, final Runnable answer) {
        if (delayMs <= 0) {
            answer.run();
            return;
        }
        unanswered.add(call);
        final Runnable handOff = () -> {
            try {
                workers.execute(() -> {
                    unanswered.remove(call);
                    answer.run();
                });
            } catch (RejectedExecutionException e) {
                call.abandon();
            }
        };
        try {
            final var unused =
                    scheduler.schedule(handOff, delayMs, TimeUnit.MILLISECONDS); // handOff answers on its own
        } catch (RejectedExecutionException e) {
            unanswered.remove(call);
            call.abandon();
        }
    }

    /** Drops every hung or still-delayed request's connection. */
    @Override
    public void close() {
        for (final HttpCall call : unanswered) {
            call.abandon();
        }
        unanswered.clear();
        synchronized (hung) {
            hung.forEach(HttpCall::abandon);
            hung.clear();
        }
    }
}
