package io.tsfm.streams.stream.serde;

import io.tsfm.streams.json.JsonSerde;
import io.tsfm.streams.score.ForecastScore;

/** JSON serde of {@link ForecastScore} (the scores topic's value). */
public final class ForecastScoreSerde extends JsonSerde<ForecastScore> {
    public ForecastScoreSerde() {
        super(ForecastScore.class);
    }
}
