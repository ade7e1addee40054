package io.tsfm.streams.ops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnDemandRequestParserTest {
    private static final String AS_OF = "2026-02-20T12:00:00Z";
    private static final long AS_OF_MS = Instant.parse(AS_OF).toEpochMilli();

    private final OnDemandRequestParser parser = new OnDemandRequestParser("5m");

    private OnDemandRequest parse(final String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid request with one field's JSON text replaced (or added); null removes nothing. */
    private static String body(final String field, final String json) {
        final StringBuilder sb = new StringBuilder("{\"market_id\":\"m-1\",\"as_of_ts\":\"" + AS_OF + "\"");
        if (!"y".equals(field)) {
            sb.append(",\"y\":[0.41,0.42,0.40]");
        }
        if (field != null) {
            sb.append(",\"").append(field).append("\":").append(json);
        }
        return sb.append('}').toString();
    }

    private void rejects(final String json, final String detail) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(detail);
    }

    @Test
    void refusesAMarketIdLongerThanTheStreamAccepts() {
        final String id = "m".repeat(257);
        rejects(
                "{\"market_id\":\"" + id + "\",\"as_of_ts\":\"" + AS_OF + "\",\"y\":[0.41,0.42,0.40]}",
                "malformed input: market_id is longer than 256 characters");
        assertThat(parse("{\"market_id\":\"" + "m".repeat(256) + "\",\"as_of_ts\":\"" + AS_OF
                                + "\",\"y\":[0.41,0.42,0.40]}")
                        .marketId())
                .hasSize(256);
    }

    @Test
    void refusesATimestampOutsideTheYears2000To2099() {
        rejects(
                "{\"market_id\":\"m-1\",\"as_of_ts\":\"+99999-01-01T00:00:00Z\",\"y\":[0.41,0.42,0.40]}",
                "malformed input: as_of_ts is outside 2000..2099: +99999-01-01T00:00:00Z");
        rejects(
                "{\"market_id\":\"m-1\",\"as_of_ts\":0,\"y\":[0.41,0.42,0.40]}",
                "malformed input: as_of_ts is outside 2000..2099: 0");
    }

    @Test
    void readsTheSeedsExampleRequest() {
        final OnDemandRequest r = parse("{\"market_id\":\"m-1\",\"as_of_ts\":\"2026-02-20T12:00:00Z\",\"freq\":\"5m\","
                + "\"horizon_steps\":12,\"quantiles\":[0.1,0.5,0.9],\"y\":[0.41,0.42,0.40,0.43],"
                + "\"transform\":{\"space\":\"logit\",\"eps\":1e-6},"
                + "\"model\":{\"provider\":\"tollama\",\"model_name\":\"chronos\",\"params\":{\"temperature\":0.0}},"
                + "\"liquidity_bucket\":\"HIGH\"}");

        assertThat(r.marketId()).isEqualTo("m-1");
        assertThat(r.asOfMs()).isEqualTo(AS_OF_MS);
        assertThat(r.freq()).isEqualTo("5m");
        assertThat(r.stepMs()).isEqualTo(300_000L);
        assertThat(r.horizonSteps()).isEqualTo(12);
        assertThat(r.quantiles()).containsExactly(0.1, 0.5, 0.9);
        assertThat(r.y()).containsExactly(0.41, 0.42, 0.40, 0.43);
        assertThat(r.yTsMs()).isNull();
        assertThat(r.transformSpace()).isEqualTo("logit");
        assertThat(r.transformEps()).isEqualTo(1e-6);
        assertThat(r.modelProvider()).isEqualTo("tollama");
        assertThat(r.modelName()).isEqualTo("chronos");
        assertThat(r.modelVersion()).isNull();
        assertThat(r.liquidityBucket()).isEqualTo("high");
        assertThat(r.covariatesGiven()).isFalse();
    }

    @Test
    void leavesAbsentOptionalFieldsNullAndTakesTheDefaultFreq() {
        final OnDemandRequest r = parse(body(null, null));

        assertThat(r.freq()).isEqualTo("5m");
        assertThat(r.horizonSteps()).isNull();
        assertThat(r.quantiles()).isNull();
        assertThat(r.transformSpace()).isNull();
        assertThat(r.transformEps()).isNull();
        assertThat(r.modelName()).isNull();
        assertThat(r.liquidityBucket()).isNull();
    }

    @Test
    void readsYTsAsIsoStringsWithOffsetsNaiveUtcOrEpochSeconds() {
        final OnDemandRequest r = parse("{\"market_id\":\"m-1\",\"as_of_ts\":\"2026-02-20T12:10:00+00:00\","
                + "\"y\":[0.1,0.2,0.3],\"y_ts\":[\"2026-02-20T13:00:00+01:00\",\"2026-02-20 12:05:00\",1771589700]}");

        assertThat(r.asOfMs()).isEqualTo(AS_OF_MS + 600_000L);
        assertThat(r.yTsMs()).containsExactly(AS_OF_MS, AS_OF_MS + 300_000L, AS_OF_MS + 900_000L);
    }

    @Test
    void acceptsGapsInYTsThatAreWholeSteps() {
        final OnDemandRequest r = parse(
                body("y_ts", "[\"2026-02-20T11:00:00Z\",\"2026-02-20T11:05:00Z\"," + "\"2026-02-20T11:20:00Z\"]"));

        assertThat(r.yTsMs()).hasSize(3);
    }

    @Test
    void acceptsCovariatesAndNotesThatTheyWereGiven() {
        assertThat(parse(body("x_past", "{\"volume\":[1,2,3]}")).covariatesGiven())
                .isTrue();
        assertThat(parse(body("x_future", "[[1]]")).covariatesGiven()).isTrue();
        assertThat(parse(body("x_past", "{}")).covariatesGiven()).isFalse();
    }

    @Test
    void readsHourlyAndMinuteFreqs() {
        assertThat(parse(body("freq", "\"1h\"")).stepMs()).isEqualTo(3_600_000L);
        assertThat(parse(body("freq", "\"15m\"")).stepMs()).isEqualTo(900_000L);
    }

    @Test
    void answersTooFewPointsForASingleValueAsTheSeedsSchemaDoes() {
        rejects(body("y", "[0.5]"), "too_few_points: y has 1 value; at least 2 are required");
        rejects(body("y", "[]"), "too_few_points: y has 0 values; at least 2 are required");
    }

    @Test
    void acceptsTwoValuesTheSeedsMinimum() {
        assertThat(parse(body("y", "[0.5,0.6]")).y()).hasSize(2);
    }

    @Test
    void rejectsMoreThanTwentyThousandValues() {
        final StringBuilder y = new StringBuilder("[0.5");
        for (int i = 1; i < 20_001; i++) {
            y.append(",0.5");
        }
        rejects(body("y", y.append(']').toString()), "malformed input: y has 20001 values; at most 20000 are allowed");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[0.1,0.2,0.3,NaN]       | malformed input: y[3] is non-finite",
                "[0.1,0.2,0.3,Infinity]  | malformed input: y[3] is non-finite",
                "[0.1,0.2,0.3,-Infinity] | malformed input: y[3] is non-finite",
                "[0.1,0.2,0.3,null]      | malformed input: y[3] is non-finite",
                "[0.1,0.2,0.3,\"0.4\"]   | malformed input: y[3] is not a number",
                "[0.1,0.2,0.3,1.5]       | malformed input: y[3] is outside [0, 1]",
                "[0.1,-0.01,0.3]         | malformed input: y[1] is outside [0, 1]",
                "\"0.1,0.2\"             | malformed input: y must be a list of numbers",
                "null                    | malformed input: y is required"
            })
    void rejectsBadValuesOfY(final String y, final String detail) {
        rejects(body("y", y), detail);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"x\"   | malformed input: Unsupported freq: x",
                "\"5\"   | malformed input: Unsupported freq: 5",
                "\"0m\"  | malformed input: Unsupported freq: 0m",
                "\"5d\"  | malformed input: Unsupported freq: 5d",
                "\"5min\" | malformed input: Unsupported freq: 5min",
                "5       | malformed input: Unsupported freq: 5"
            })
    void rejectsAnUnsupportedFreq(final String freq, final String detail) {
        rejects(body("freq", freq), detail);
    }

    @Test
    void rejectsYTsOfAnotherLength() {
        rejects(body("y_ts", "[\"2026-02-20T11:50:00Z\",\"2026-02-20T11:55:00Z\"]"), "y_ts length must match y");
    }

    @Test
    void rejectsYTsThatIsNotStrictlyIncreasing() {
        rejects(
                body("y_ts", "[\"2026-02-20T11:50:00Z\",\"2026-02-20T11:55:00Z\",\"2026-02-20T11:55:00Z\"]"),
                "malformed input: y_ts must be strictly increasing");
        rejects(
                body("y_ts", "[\"2026-02-20T11:55:00Z\",\"2026-02-20T11:50:00Z\",\"2026-02-20T12:00:00Z\"]"),
                "malformed input: y_ts must be strictly increasing");
    }

    @Test
    void rejectsYTsSpacingOffTheFreqGrid() {
        rejects(
                body("y_ts", "[\"2026-02-20T11:50:00Z\",\"2026-02-20T11:55:00Z\",\"2026-02-20T11:59:00Z\"]"),
                "malformed input: y_ts spacing must align with freq");
    }

    @Test
    void rejectsAnUnreadableTimestampInYTs() {
        rejects(
                body("y_ts", "[\"2026-02-20T11:50:00Z\",\"yesterday\",\"2026-02-20T12:00:00Z\"]"),
                "malformed input: y_ts[1] is not a timestamp: yesterday");
        rejects(body("y_ts", "\"2026-02-20T11:50:00Z\""), "malformed input: y_ts must be a list of timestamps");
    }

    @Test
    void requiresAMarketIdAndAnAsOfTimestamp() {
        rejects("{\"as_of_ts\":\"" + AS_OF + "\",\"y\":[0.1,0.2]}", "malformed input: market_id is required");
        rejects(
                "{\"market_id\":\" \",\"as_of_ts\":\"" + AS_OF + "\",\"y\":[0.1,0.2]}",
                "malformed input: market_id must be a non-empty string");
        rejects(
                "{\"market_id\":7,\"as_of_ts\":\"" + AS_OF + "\",\"y\":[0.1,0.2]}",
                "malformed input: market_id must be a non-empty string");
        rejects("{\"market_id\":\"m-1\",\"y\":[0.1,0.2]}", "malformed input: as_of_ts is required");
        rejects(
                "{\"market_id\":\"m-1\",\"as_of_ts\":\"noon\",\"y\":[0.1,0.2]}",
                "malformed input: as_of_ts is not a timestamp: noon");
        rejects(
                "{\"market_id\":\"m-1\",\"as_of_ts\":true,\"y\":[0.1,0.2]}",
                "malformed input: as_of_ts is not a timestamp: true");
    }

    @Test
    void rejectsABodyThatIsNotAJsonObject() {
        rejects("{\"market_id\":", "malformed input: request body is not valid JSON");
        rejects(body(null, null) + " {}", "malformed input: request body is not valid JSON");
        rejects("[1,2]", "malformed input: request body must be a JSON object");
        rejects("", "malformed input: request body must be a JSON object");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"0", "1001", "12.5", "\"12\"", "-1"})
    void rejectsAHorizonOutsideOneToAThousand(final String horizon) {
        rejects(body("horizon_steps", horizon), "malformed input: horizon_steps must be an integer in [1, 1000]");
    }

    @Test
    void acceptsAWholeNumberWrittenAsAFloatForTheHorizon() {
        assertThat(parse(body("horizon_steps", "24.0")).horizonSteps()).isEqualTo(24);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"[]", "[0.5,0.1]", "[0.1,0.1]", "[0,0.5]", "[0.5,1]", "[\"0.5\"]", "0.5"})
    void rejectsQuantilesThatAreNotStrictlyAscendingInsideZeroOne(final String quantiles) {
        rejects(
                body("quantiles", quantiles),
                "malformed input: quantiles must be a list of 1 to 99 numbers strictly ascending in (0, 1)");
    }

    @Test
    void rejectsAnUnknownTransformOrEps() {
        rejects(body("transform", "{\"space\":\"probit\"}"), "malformed input: Unsupported transform space: probit");
        rejects(
                body("transform", "{\"space\":\"logit\",\"eps\":0.5}"),
                "malformed input: transform.eps must be a number in (0, 0.5)");
        rejects(
                body("transform", "{\"space\":\"logit\",\"eps\":0}"),
                "malformed input: transform.eps must be a number in (0, 0.5)");
        rejects(body("transform", "\"logit\""), "malformed input: transform must be an object");
    }

    @Test
    void acceptsTheRawSpace() {
        final OnDemandRequest r = parse(body("transform", "{\"space\":\"none\"}"));

        assertThat(r.transformSpace()).isEqualTo("none");
        assertThat(r.transformEps()).isNull();
    }

    @Test
    void rejectsAnotherModelProviderAndMistypedModelFields() {
        rejects(body("model", "{\"provider\":\"openai\"}"), "malformed input: Unsupported model provider: openai");
        rejects(body("model", "{\"model_name\":3}"), "malformed input: model.model_name must be a string");
        rejects(body("model", "{\"params\":[1]}"), "malformed input: model.params must be an object");
        rejects(body("model", "\"chronos\""), "malformed input: model must be an object");
    }

    @Test
    void rejectsALiquidityBucketThatIsNotAString() {
        rejects(body("liquidity_bucket", "1"), "malformed input: liquidity_bucket must be a string");
    }

    @Test
    void cutsLongCallerTextInMessages() {
        final String freq = "x".repeat(100);

        rejects(body("freq", "\"" + freq + "\""), "malformed input: Unsupported freq: " + "x".repeat(64) + "...");
    }
}
