package io.tsfm.streams.score;

import io.tsfm.streams.json.JsonSerde;

/** JSON serde of {@link ForecastScore} (the scores topic's value). */
public final class ForecastScoreSerde extends JsonSerde<ForecastScore> {
    public ForecastScoreSerde() {
        super(ForecastScore.class);
    }
}
