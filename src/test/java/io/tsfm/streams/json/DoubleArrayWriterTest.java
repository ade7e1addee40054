package io.tsfm.streams.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DoubleArrayWriterTest {
    /** Jackson's own array writer with the same fast double writer: the text the cache must reproduce. */
    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private static final double[] EDGES = {
        0.0,
        -0.0,
        1.0,
        0.5,
        0.1 + 0.2,
        0.0535,
        0.053499498632014135,
        1e-300,
        Double.MIN_VALUE,
        Double.MIN_NORMAL,
        Double.MAX_VALUE,
        -7.5e21,
        1e7,
        1.0E-3 + 2e-19,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY
    };

    @Test
    void writesEveryValueAsJacksonsOwnWriterDoes() throws Exception {
        final Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            final double[] values = new double[12];
            for (int k = 0; k < values.length; k++) {
                values[k] = switch (random.nextInt(4)) {
                    case 0 -> random.nextDouble();
                    case 1 -> Math.scalb(random.nextDouble(), random.nextInt(200) - 100);
                    case 2 -> Math.round(random.nextDouble() * 1000) / 1000.0; // on a price grid: repeats
                    default -> EDGES[random.nextInt(EDGES.length)];
                };
            }
            assertThat(Json.mapper().writeValueAsString(values)).isEqualTo(PLAIN.writeValueAsString(values));
            // as bytes (the generator records are written with), inside an object, beside other fields
            final java.util.Map<String, Object> record =
                    new java.util.TreeMap<>(java.util.Map.of("a", values, "b", new double[][] {values, {}}, "c", 1.5));
            assertThat(Json.mapper().writeValueAsBytes(record)).isEqualTo(PLAIN.writeValueAsBytes(record));
        }
        assertThat(Json.mapper().writeValueAsString(EDGES)).isEqualTo(PLAIN.writeValueAsString(EDGES));
    }

    @Test
    void aTreeOfValuesHoldsNumbers() {
        final com.fasterxml.jackson.databind.JsonNode tree =
                Json.mapper().valueToTree(java.util.Map.of("q", new double[] {0.25, 0.25, Double.NaN}));
        assertThat(tree.get("q").get(0).isDouble()).isTrue();
        assertThat(tree.get("q").get(1).asDouble()).isEqualTo(0.25);
        assertThat(tree.get("q").get(2).isNumber()).isTrue();
    }

    @Test
    void threadsThatWriteInTurnWriteTheSameTextAsOneThreadAlone() throws Exception {
        final java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            final Random random = new Random(11);
            for (int i = 0; i < 200; i++) {
                final double[] values = new double[8];
                for (int k = 0; k < values.length; k++) {
                    values[k] = Math.round(random.nextDouble() * 200) / 200.0;
                }
                final String expected = PLAIN.writeValueAsString(values);
                assertThat(Json.mapper().writeValueAsString(values)).isEqualTo(expected);
                assertThat(other.submit(() -> Json.mapper().writeValueAsString(values))
                                .get())
                        .isEqualTo(expected);
            }
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void givesTwoValuesOfOneSlotEachTheirOwnText() throws Exception {
        final double first = 0.25;
        double second = Math.nextUp(first);
        while (DoubleArrayWriter.Texts.slot(Double.doubleToRawLongBits(second))
                != DoubleArrayWriter.Texts.slot(Double.doubleToRawLongBits(first))) {
            second = Math.nextUp(second);
        }
        final double[] values = {first, second, first, second};

        assertThat(Json.mapper().writeValueAsString(values))
                .isEqualTo("[0.25," + second + ",0.25," + second + "]")
                .isEqualTo(PLAIN.writeValueAsString(values));
    }

    @Test
    void writesAnEmptyArrayAndNonFiniteValuesAsBefore() throws Exception {
        assertThat(Json.mapper().writeValueAsString(new double[0])).isEqualTo("[]");
        assertThat(Json.mapper().writeValueAsString(new double[] {Double.NaN, Double.NEGATIVE_INFINITY, -0.0}))
                .isEqualTo("[\"NaN\",\"-Infinity\",-0.0]");
    }
}
