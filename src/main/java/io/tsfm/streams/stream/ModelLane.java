package io.tsfm.streams.stream;

import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.cycle.StandbyBaseline;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.model.ModelClient;
import java.util.function.Function;

/** One model client and the task's jobs for it: the current model, the serving candidate, or the shadow. */
record ModelLane(ModelClient client, JobTracker tracker) {

    /** A lane whose answers are served: each answered job gets its standby band on the answer's thread. */
    static ModelLane serving(final ModelClients clients, final ModelClient client, final ForecastSettings settings) {
        final StandbyBaseline standby = StandbyBaseline.of(settings);
        return of(clients, client, settings, standby::band);
    }

    /** The shadow's lane: its answers are compared, never served, and have no standby band. */
    static ModelLane shadow(final ModelClients clients, final ForecastSettings settings) {
        return of(clients, clients.shadow(), settings, context -> null);
    }

    private static ModelLane of(
            final ModelClients clients,
            final ModelClient client,
            final ForecastSettings settings,
            final Function<MarketContext, double[][]> standby) {
        return client == null
                ? null
                : new ModelLane(
                        client,
                        new JobTracker(
                                client,
                                clients.slotsOf(client),
                                settings.transform(),
                                settings.seriesPerRequest(),
                                standby));
    }
}
