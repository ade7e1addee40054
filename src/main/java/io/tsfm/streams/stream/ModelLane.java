package io.tsfm.streams.stream;

import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.model.ModelClient;

/** One model client and the task's jobs for it: the current model, the serving candidate, or the shadow. */
record ModelLane(ModelClient client, JobTracker tracker) {

    static ModelLane of(final ModelClient client, final ForecastSettings settings) {
        return client == null
                ? null
                : new ModelLane(client, new JobTracker(client, settings.transform(), settings.seriesPerRequest()));
    }
}
