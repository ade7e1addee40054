package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-pass reading of plainly valid requests agrees with the strict reading, and leaves it the rest. */
class FastRequestReaderTest {

    private static final String TS3 =
            "\"timestamps\":[\"2026-02-20T11:00:00Z\",\"2026-02-20T11:05:00Z\",\"2026-02-20T11:10:00Z\"]";
    private static final String SERIES = "{\"id\":\"a\",\"freq\":\"5min\"," + TS3 + ",\"target\":[0.1,0.2,0.3]}";

    @Test
    void readsAFullCycleRequestInOnePassAsTheStrictReaderDoes() {
        final byte[] body = cycleRequest(64, 288, new Random(7));

        final ForecastRequest fast = FastRequestReader.read(body, false);

        assertThat(fast).isNotNull();
        assertSame(fast, ForecastRequestParser.strictly(body, false));
        assertThat(fast.series()).hasSize(64);
        assertThat(fast.series().get(63).target()).hasSize(288);
        assertThat(fast.series().get(63).timestamps().get(287)).isEqualTo("2026-06-11T23:55:00Z");
    }

    @Test
    void keepsOneCopyOfAGridTheSeriesShare() {
        final ForecastRequest fast = FastRequestReader.read(cycleRequest(3, 12, new Random(1)), false);

        assertThat(fast.series().get(1).timestamps())
                .isSameAs(fast.series().get(0).timestamps());
        assertThat(fast.series().get(2).timestamps())
                .isSameAs(fast.series().get(0).timestamps());
    }

    @Test
    void readsNumbersAsTheTreeDoes() {
        final Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            final StringBuilder target = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                target.append(i == 0 ? "" : ",").append(number(random));
            }
            final byte[] body = request(
                    "12",
                    "[0.1,0.5,0.9]",
                    "{\"id\":\"a\",\"freq\":\"5min\"," + TS3 + ",\"target\":[" + target + "]}",
                    "");

            assertSame(FastRequestReader.read(body, false), ForecastRequestParser.strictly(body, false));
        }
    }

    static Stream<String> plainlyValid() {
        return Stream.of(
                new String(request("12", "[0.1,0.5,0.9]", SERIES, ""), StandardCharsets.UTF_8),
                new String(request("1", "null", SERIES, ""), StandardCharsets.UTF_8),
                "{\"series\":[" + SERIES + "],\"horizon\":3,\"model\":\"mock\"}",
                "{\"model\":\"\",\"horizon\":10000,\"series\":[" + SERIES + "]}",
                new String(
                        request("12", "[0.5]", SERIES, ",\"timeout\":3,\"keep_alive\":\"5m\",\"options\":{\"a\":[1]}"),
                        StandardCharsets.UTF_8),
                new String(
                        request(
                                "12",
                                "[]",
                                "{\"id\":\"a\",\"timestamps\":[\"x\",\"y\",\"z\"],\"target\":[1,2,3]}",
                                ",\"keep_alive\":null,\"options\":null,\"timeout\":null"),
                        StandardCharsets.UTF_8),
                new String(
                        request(
                                "12",
                                "[0.1]",
                                "{\"id\":\"a\",\"freq\":\"5min\",\"timestamps\":[\"x\"]," + "\"target\":[-7E-3]}",
                                ""),
                        StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("plainlyValid")
    void readsPlainlyValidRequestsInOnePass(final String json) {
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);

        final ForecastRequest fast = FastRequestReader.read(body, false);

        assertThat(fast).isNotNull();
        assertSame(fast, ForecastRequestParser.strictly(body, false));
    }

    @Test
    void readsTheStreamFlagOnlyWhereTheEndpointStreams() {
        final byte[] body = request("12", "null", SERIES, ",\"stream\":false");

        assertThat(FastRequestReader.read(body, true).stream()).isFalse();
        assertThat(FastRequestReader.read(request("12", "null", SERIES, ""), true).stream())
                .isTrue();
        assertThat(FastRequestReader.read(body, false)).isNull();
        assertThatThrownBy(() -> ForecastRequestParser.parse(body, false))
                .isInstanceOf(RequestValidationException.class);
    }

    static Stream<String> leftToTheStrictReader() {
        final String ok = "\"id\":\"a\",\"freq\":\"5min\"," + TS3;
        return Stream.of(
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[" + SERIES + "],\"colour\":1}",
                "{\"model\":\"mock\",\"horizon\":12.0,\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":\"12\",\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":0,\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":10001,\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":99999999999999999999,\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"series\":[" + SERIES + "]}",
                "{\"horizon\":12,\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":12}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":null,\"data_url\":\"http://x\"}",
                "{\"model\":\"mock\",\"model\":\"other\",\"horizon\":12,\"series\":[" + SERIES + "]}",
                "{\"model\":1,\"horizon\":12,\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":12,\"quantiles\":[0.9,0.1],\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":12,\"quantiles\":[0.5,0.5],\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":12,\"quantiles\":[1.0],\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":12,\"quantiles\":[0],\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":12,\"timeout\":0,\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":12,\"timeout\":\"3\",\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":12,\"keep_alive\":[],\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":12,\"options\":[],\"series\":[" + SERIES + "]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[{" + ok + ",\"target\":[1,2]}]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[{" + ok + ",\"target\":[1,2,\"3\"]}]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[{" + ok + ",\"target\":[1,2,null]}]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[{" + ok + ",\"target\":[1,2,1e999]}]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[{" + ok + ",\"target\":[1,2,NaN]}]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[{" + ok + ",\"target\":[1,2,3],"
                        + "\"past_covariates\":{\"x\":[1,2,3]}}]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[{\"id\":\"\",\"freq\":\"5min\"," + TS3
                        + ",\"target\":[1,2,3]}]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[{\"id\":\"a\",\"freq\":null," + TS3
                        + ",\"target\":[1,2,3]}]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[{\"id\":\"a\",\"timestamps\":[\"x\",\"y\"],"
                        + "\"target\":[1,2]}]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[{\"id\":\"a\",\"freq\":\"5min\",\"timestamps\":[1],"
                        + "\"target\":[1]}]}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[" + SERIES + "]} {}",
                "{\"model\":\"mock\",\"horizon\":12,\"series\":[" + SERIES + "]",
                "[{\"model\":\"mock\"}]",
                "");
    }

    @ParameterizedTest
    @MethodSource("leftToTheStrictReader")
    void leavesEveryOtherBodyToTheStrictReader(final String json) {
        assertThat(FastRequestReader.read(json.getBytes(StandardCharsets.UTF_8), false))
                .isNull();
    }

    private static void assertSame(final ForecastRequest fast, final ForecastRequest strict) {
        assertThat(fast.model()).isEqualTo(strict.model());
        assertThat(fast.horizon()).isEqualTo(strict.horizon());
        assertThat(fast.quantiles()).containsExactly(strict.quantiles());
        assertThat(fast.timeoutSeconds()).isEqualTo(strict.timeoutSeconds());
        assertThat(fast.stream()).isEqualTo(strict.stream());
        assertThat(fast.series()).hasSameSizeAs(strict.series());
        for (int i = 0; i < fast.series().size(); i++) {
            final SeriesInput a = fast.series().get(i);
            final SeriesInput b = strict.series().get(i);
            assertThat(a.id()).isEqualTo(b.id());
            assertThat(a.freq()).isEqualTo(b.freq());
            assertThat(a.timestamps()).isEqualTo(b.timestamps());
            assertThat(a.target()).containsExactly(b.target());
        }
    }

    private static String number(final Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Double.toString(random.nextDouble());
            case 1 -> Float.toString(random.nextFloat() * 20 - 10);
            case 2 -> Long.toString(random.nextLong());
            case 3 -> String.format(Locale.ROOT, "%.17e", random.nextGaussian() * 1e-5);
            default -> Integer.toString(random.nextInt(2001) - 1000);
        };
    }

    private static byte[] request(
            final String horizon, final String quantiles, final String series, final String more) {
        return ("{\"model\":\"mock\",\"horizon\":" + horizon + ",\"quantiles\":" + quantiles + ",\"series\":[" + series
                        + "]" + more + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What the app sends in a cycle: every series on one grid, values at float precision. */
    private static byte[] cycleRequest(final int series, final int length, final Random random) {
        final List<String> grid = new ArrayList<>();
        final Instant end = Instant.parse("2026-06-11T23:55:00Z");
        for (int i = length - 1; i >= 0; i--) {
            grid.add("\"" + end.minusSeconds(300L * i) + "\"");
        }
        final StringBuilder all = new StringBuilder();
        for (int s = 0; s < series; s++) {
            final StringBuilder target = new StringBuilder();
            float value = random.nextFloat() * 4 - 2;
            for (int i = 0; i < length; i++) {
                value += random.nextInt(10) == 0 ? (float) random.nextGaussian() * 0.1f : 0f;
                target.append(i == 0 ? "" : ",").append(value);
            }
            all.append(s == 0 ? "" : ",")
                    .append("{\"id\":\"m-")
                    .append(s)
                    .append("\",\"freq\":\"5min\",\"timestamps\":[")
                    .append(String.join(",", grid))
                    .append("],\"target\":[")
                    .append(target)
                    .append("]}");
        }
        return request("12", "[0.1,0.5,0.9]", all.toString(), "");
    }
}
