package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.Transform;
import io.tsfm.streams.model.SeriesInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's inputs: values in the model's space on the shared grid. */
class SeriesEncoderTest {
    private static final long AS_OF = 1_780_000_200_000L;
    private static final long STEP = 300_000L;

    @Test
    void aRunOfEqualValuesGetsTheTransformOfEachValueAlone() {
        final Transform logit = Transform.logit();
        final double[] values = {Double.NaN, Double.NaN, 0.4, 0.4, 0.4, 0.0, 0.0, 1.0, -0.0, 0.0, 0.41, 0.4};
        final MarketContext ctx = new MarketContext(AS_OF, STEP, values, values.length, STEP, AS_OF, "mid");

        final List<SeriesInput> out = new SeriesEncoder(logit).series(List.of(job(ctx)));

        final double[] expected = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            expected[i] = logit.forward(values[i]);
        }
        assertThat(out.get(0).target()).containsExactly(expected);
        assertThat(out.get(0).target()[3]).isEqualTo(Math.log(0.4 / 0.6));
        assertThat(out.get(0).timestamps()[values.length - 1]).isEqualTo("2026-05-28T20:30:00Z");
    }

    private static JobTracker.Job job(final MarketContext ctx) {
        return new JobTracker.Job("m-1|" + AS_OF, "m-1", ctx, 0, 0, 5_000, null, null, null);
    }
}
