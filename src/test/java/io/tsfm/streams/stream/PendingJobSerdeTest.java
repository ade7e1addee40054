package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.json.JsonSerde;
import io.tsfm.streams.stream.serde.PendingJobSerde;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PendingJobSerdeTest {
    private final PendingJobSerde serde = new PendingJobSerde();

    private static final CalibrationSnapshot MODEL = new CalibrationSnapshot(
            "aci",
            "high|moving",
            "local-empirical|high|moving3-5-up|tick0.001",
            new double[] {1.25, Double.MIN_VALUE},
            new double[] {1.5, 0.0},
            new long[] {40L, 3L},
            new double[] {2.0, 3.0},
            new double[] {0.1, 1.0E-300},
            new long[] {7L, Long.MAX_VALUE},
            30);

    /** A snapshot of an earlier version's shape: no sides, read back as absent arrays. */
    private static final CalibrationSnapshot OLD_SHAPE =
            new CalibrationSnapshot("aci", "low|quiet", null, null, null, null, null, null, null, 0);

    private static PendingJob full() {
        return new PendingJob("pm:é-1", 1_795_000_200_000L, MODEL, CalibrationSnapshot.none("low|quiet", "c", 2));
    }

    private PendingJob roundTrip(final PendingJob job) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", job));
    }

    @Test
    void roundTripsBothSnapshotsExactlyAndAbsentOnesAsAbsent() {
        assertThat(roundTrip(full())).usingRecursiveComparison().isEqualTo(full());
        assertThat(roundTrip(full()).calibration().lower()[1]).isEqualTo(Double.MIN_VALUE);
        final PendingJob sparse = new PendingJob("m", 5L, null, OLD_SHAPE);
        assertThat(roundTrip(sparse)).usingRecursiveComparison().isEqualTo(sparse);
        assertThat(roundTrip(sparse).calibration()).isNull();
        assertThat(roundTrip(sparse).fallbackCalibration().current()).isFalse();
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void isSmallerThanItsJsonForm() {
        final byte[] json =
                new JsonSerde<PendingJob>(PendingJob.class) {}.serializer().serialize("t", full());
        final byte[] compact = serde.serializer().serialize("t", full());
        assertThat(compact).hasSize(365);
        assertThat(compact.length).isLessThan(json.length);
    }

    @Test
    void readsTheJsonValuesEarlierVersionsWrote() {
        final byte[] json =
                new JsonSerde<PendingJob>(PendingJob.class) {}.serializer().serialize("t", full());
        assertThat(json[0]).isEqualTo((byte) '{');
        assertThat(serde.deserializer().deserialize("t", json))
                .usingRecursiveComparison()
                .isEqualTo(full());
    }

    @Test
    void rejectsTruncatedOrOverlongValuesAndForeignPresenceBytes() {
        final byte[] bytes = serde.serializer().serialize("t", full());
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(SerializationException.class);
        final byte[] foreign = bytes.clone();
        foreign[1 + 4 + "pm:é-1".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 8] = 7;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", foreign))
                .isInstanceOf(SerializationException.class);
    }
}
