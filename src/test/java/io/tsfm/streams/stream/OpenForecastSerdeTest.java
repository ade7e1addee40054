package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.domain.CalibrationMeta;
import io.tsfm.streams.domain.OpenForecast;
import io.tsfm.streams.json.JsonSerde;
import io.tsfm.streams.stream.serde.OpenForecastSerde;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class OpenForecastSerdeTest {
    private final OpenForecastSerde serde = new OpenForecastSerde();

    private static final CalibrationMeta META = new CalibrationMeta(
            "partial",
            "aci",
            "high|moving",
            1,
            new double[] {1.25, 0.0},
            new double[] {1.5, 0.0},
            new double[] {1.0416666666666667, 0.0},
            new long[] {40L, 3L});

    private static OpenForecast full() {
        return new OpenForecast(
                "pm:é-1",
                1_795_000_200_000L,
                "model",
                "local-empirical",
                null,
                "high|moving",
                0.4499999992156812,
                new double[] {0.1, 0.5, 0.9},
                new double[][] {{0.44, Double.MIN_VALUE}, {0.45, 0.45}, {0.46, 1.0}},
                new double[][] {{0.43, 0.0}, {0.45, 0.45}, {0.47, 1.0}},
                META,
                false,
                "high|active2",
                0.001,
                new double[] {1.5, 0.0},
                new double[] {1.0416666666666667, 0.0},
                new double[][] {{0.42, 0.41}, {0.45, 0.45}, {0.48, 0.49}});
    }

    private static OpenForecast sparse() {
        return new OpenForecast(
                "m",
                5L,
                "baseline",
                "empirical_baseline",
                "model_timeout",
                "low|quiet",
                0.5,
                new double[] {0.1, 0.5, 0.9},
                new double[][] {{0.5}, {0.5}, {0.5}},
                new double[][] {{0.49}, {0.5}, {0.51}},
                null,
                true,
                null,
                0.0,
                null,
                null,
                null);
    }

    private OpenForecast roundTrip(final OpenForecast f) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", f));
    }

    @Test
    void roundTripsEveryFieldExactlyWithAndWithoutItsOptionalParts() {
        assertThat(roundTrip(full())).usingRecursiveComparison().isEqualTo(full());
        assertThat(roundTrip(sparse())).usingRecursiveComparison().isEqualTo(sparse());
        assertThat(roundTrip(sparse()).calibration()).isNull();
        assertThat(roundTrip(sparse()).standbyBase()).isNull();
        assertThat(roundTrip(full()).base()[0][1]).isEqualTo(Double.MIN_VALUE);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void isSmallerThanItsJsonForm() {
        final byte[] json =
                new JsonSerde<OpenForecast>(OpenForecast.class) {}.serializer().serialize("t", full());
        final byte[] compact = serde.serializer().serialize("t", full());
        assertThat(compact).hasSize(478);
        assertThat(compact.length).isLessThan(json.length);
    }

    @Test
    void readsTheJsonValuesEarlierVersionsWrote() {
        final byte[] json =
                new JsonSerde<OpenForecast>(OpenForecast.class) {}.serializer().serialize("t", full());
        assertThat(json[0]).isEqualTo((byte) '{');
        assertThat(serde.deserializer().deserialize("t", json))
                .usingRecursiveComparison()
                .isEqualTo(full());
    }

    @Test
    void rejectsTruncatedOrOverlongValuesAndForeignLengths() {
        final byte[] bytes = serde.serializer().serialize("t", full());
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class);
        final byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", longer))
                .isInstanceOf(SerializationException.class);
        final byte[] foreign = bytes.clone();
        foreign[1] = 0x7f; // the market id's length, far beyond the value
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", foreign))
                .isInstanceOf(SerializationException.class);
    }
}
