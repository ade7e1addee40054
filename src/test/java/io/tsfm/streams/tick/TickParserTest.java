package io.tsfm.streams.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.domain.TickRejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickParserTest {
    private static final long SKEW_MS = 3_600_000L;
    private static final long RECORD_TS = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();
    private static final long TICK_TS = Instant.parse("2024-05-01T11:55:00Z").toEpochMilli();

    private final TickParser parser = new TickParser(SKEW_MS);

    private TickParser.Result parse(final String key, final String json) {
        return parser.parse(key, json.getBytes(StandardCharsets.UTF_8), RECORD_TS);
    }

    private TickParser.Result parse(final String json) {
        return parse("m1", json);
    }

    private static String tick(final String pYes) {
        return "{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":" + pYes + "}";
    }

    private static String tickAt(final String ts) {
        return "{\"market_id\":\"m1\",\"ts\":" + ts + ",\"p_yes\":0.42}";
    }

    private static String reason(final TickParser.Result result) {
        assertThat(result.valid())
                .as("expected a rejection, got %s", result.tick())
                .isFalse();
        assertThat(result.tick()).isNull();
        return result.rejection().reason();
    }

    private static Tick accepted(final TickParser.Result result) {
        assertThat(result.rejection()).as("unexpected rejection").isNull();
        assertThat(result.valid()).isTrue();
        return result.tick();
    }

    @Test
    void parsesACompleteTick() {
        final Tick tick = accepted(parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42,"
                + "\"liquidity_bucket\":\"mid\",\"volume_24h\":1500.5,\"open_interest\":250}"));

        assertThat(tick).isEqualTo(new Tick("m1", TICK_TS, 0.42, "mid", 1500.5, 250.0));
    }

    @Test
    void leavesOptionalFieldsNullWhenAbsent() {
        final Tick tick = accepted(parse(tick("0.42")));

        assertThat(tick).isEqualTo(new Tick("m1", TICK_TS, 0.42, null, null, null));
    }

    @Test
    void rejectsARecordWithoutAValue() {
        final TickParser.Result nullValue = parser.parse("m1", null, RECORD_TS);
        final TickParser.Result emptyValue = parser.parse("m1", new byte[0], RECORD_TS);

        assertThat(reason(nullValue)).isEqualTo(TickRejection.EMPTY_VALUE);
        assertThat(reason(emptyValue)).isEqualTo(TickRejection.EMPTY_VALUE);
        assertThat(nullValue.rejection().detail()).isEqualTo("record has no value");
    }

    @Test
    void rejectsMalformedJson() {
        assertThat(reason(parse("{\"market_id\":\"m1\",\"ts\":"))).isEqualTo(TickRejection.MALFORMED_JSON);
        assertThat(reason(parse("{market_id: m1}"))).isEqualTo(TickRejection.MALFORMED_JSON);
        assertThat(reason(parse("not json at all"))).isEqualTo(TickRejection.MALFORMED_JSON);
    }

    @Test
    void rejectsAValueWithTrailingContentAfterTheObject() {
        assertThat(reason(parse(tick("0.42") + " {\"p_yes\":0.9}"))).isEqualTo(TickRejection.MALFORMED_JSON);
        assertThat(reason(parse(tick("0.42") + "garbage"))).isEqualTo(TickRejection.MALFORMED_JSON);
    }

    @Test
    void acceptsTrailingWhitespaceAfterTheObject() {
        assertThat(accepted(parse(tick("0.42") + " \n")).pYes()).isEqualTo(0.42);
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        final TickParser.Result array = parse("[1,2,3]");

        assertThat(reason(array)).isEqualTo(TickRejection.NOT_AN_OBJECT);
        assertThat(array.rejection().detail()).isEqualTo("expected a JSON object, got ARRAY");
        assertThat(reason(parse("\"m1\""))).isEqualTo(TickRejection.NOT_AN_OBJECT);
        assertThat(reason(parse("0.42"))).isEqualTo(TickRejection.NOT_AN_OBJECT);
        assertThat(reason(parse("null"))).isEqualTo(TickRejection.NOT_AN_OBJECT);
    }

    @Test
    void rejectsAMissingMarketId() {
        final TickParser.Result absent = parse(null, "{\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42}");
        final TickParser.Result jsonNull =
                parse(null, "{\"market_id\":null,\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42}");

        assertThat(reason(absent)).isEqualTo(TickRejection.MISSING_FIELD);
        assertThat(absent.rejection().detail()).isEqualTo("market_id is missing");
        assertThat(reason(jsonNull)).isEqualTo(TickRejection.MISSING_FIELD);
    }

    @Test
    void rejectsAMissingTimestamp() {
        final TickParser.Result result = parse("{\"market_id\":\"m1\",\"p_yes\":0.42}");

        assertThat(reason(result)).isEqualTo(TickRejection.MISSING_FIELD);
        assertThat(result.rejection().detail()).isEqualTo("ts is missing");
    }

    @Test
    void rejectsAMissingProbability() {
        final TickParser.Result absent = parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\"}");
        final TickParser.Result jsonNull = parse(tick("null"));

        assertThat(reason(absent)).isEqualTo(TickRejection.MISSING_FIELD);
        assertThat(absent.rejection().detail()).isEqualTo("p_yes is missing");
        assertThat(reason(jsonNull)).isEqualTo(TickRejection.MISSING_FIELD);
    }

    @Test
    void rejectsAMarketIdThatIsNotANonEmptyString() {
        assertThat(reason(parse(null, "{\"market_id\":42,\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42}")))
                .isEqualTo(TickRejection.WRONG_TYPE);
        assertThat(reason(parse(null, "{\"market_id\":\"  \",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42}")))
                .isEqualTo(TickRejection.WRONG_TYPE);
    }

    @Test
    void rejectsAMarketIdLongerThan256Characters() {
        final String longId = "m".repeat(257);

        final TickParser.Result result =
                parse(null, "{\"market_id\":\"" + longId + "\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42}");

        assertThat(reason(result)).isEqualTo(TickRejection.OUT_OF_RANGE);
    }

    @Test
    void rejectsAProbabilityThatIsNotANumber() {
        final TickParser.Result text = parse(tick("\"0.42\""));

        assertThat(reason(text)).isEqualTo(TickRejection.WRONG_TYPE);
        assertThat(text.rejection().detail()).isEqualTo("p_yes must be a number, got STRING");
        assertThat(reason(parse(tick("true")))).isEqualTo(TickRejection.WRONG_TYPE);
        assertThat(reason(parse(tick("[0.42]")))).isEqualTo(TickRejection.WRONG_TYPE);
    }

    @Test
    void rejectsOptionalFieldsOfTheWrongType() {
        assertThat(reason(parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42,"
                        + "\"liquidity_bucket\":3}")))
                .isEqualTo(TickRejection.WRONG_TYPE);
        assertThat(reason(parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42,"
                        + "\"volume_24h\":\"1000\"}")))
                .isEqualTo(TickRejection.WRONG_TYPE);
        assertThat(reason(parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42,"
                        + "\"open_interest\":true}")))
                .isEqualTo(TickRejection.WRONG_TYPE);
    }

    @Test
    void rejectsNonFiniteProbabilitiesWrittenAsStrings() {
        assertThat(reason(parse(tick("\"NaN\"")))).isEqualTo(TickRejection.NON_FINITE);
        assertThat(parse(tick("\"NaN\"")).rejection().detail()).isEqualTo("p_yes is not finite: the string \"NaN\"");
        assertThat(reason(parse(tick("\"Infinity\"")))).isEqualTo(TickRejection.NON_FINITE);
        assertThat(reason(parse(tick("\"-inf\"")))).isEqualTo(TickRejection.NON_FINITE);
    }

    @Test
    void rejectsANumberTooLargeForADoubleAsNonFinite() {
        assertThat(reason(parse(tick("1e400")))).isEqualTo(TickRejection.NON_FINITE);
    }

    @Test
    void rejectsAProbabilityBelowZero() {
        final TickParser.Result result = parse(tick("-0.01"));

        assertThat(reason(result)).isEqualTo(TickRejection.OUT_OF_RANGE);
        assertThat(result.rejection().detail()).isEqualTo("p_yes -0.01 is outside [0,1]");
    }

    @Test
    void rejectsAProbabilityAboveOne() {
        assertThat(reason(parse(tick("1.0001")))).isEqualTo(TickRejection.OUT_OF_RANGE);
        assertThat(reason(parse(tick("42")))).isEqualTo(TickRejection.OUT_OF_RANGE);
    }

    @Test
    void acceptsTheBoundaryProbabilitiesZeroAndOne() {
        assertThat(accepted(parse(tick("0"))).pYes()).isEqualTo(0.0);
        assertThat(accepted(parse(tick("1"))).pYes()).isEqualTo(1.0);
        assertThat(accepted(parse(tick("1.0"))).pYes()).isEqualTo(1.0);
    }

    @Test
    void parsesAnIsoTimestampInUtc() {
        assertThat(accepted(parse(tickAt("\"2024-05-01T11:55:00Z\""))).tsMs()).isEqualTo(TICK_TS);
        assertThat(accepted(parse(tickAt("\"2024-05-01T11:55:00.250Z\""))).tsMs())
                .isEqualTo(TICK_TS + 250);
    }

    @Test
    void parsesAnIsoTimestampWithAnOffset() {
        assertThat(accepted(parse(tickAt("\"2024-05-01T13:55:00+02:00\""))).tsMs())
                .isEqualTo(TICK_TS);
        assertThat(accepted(parse(tickAt("\"2024-05-01T06:55:00-05:00\""))).tsMs())
                .isEqualTo(TICK_TS);
    }

    @Test
    void parsesEpochMilliseconds() {
        assertThat(accepted(parse(tickAt("1714564500000"))).tsMs()).isEqualTo(TICK_TS);
        assertThat(TICK_TS).isEqualTo(1_714_564_500_000L);
    }

    @Test
    void rejectsFractionalEpochMilliseconds() {
        final TickParser.Result result = parse(tickAt("1714564500000.5"));

        assertThat(reason(result)).isEqualTo(TickRejection.UNPARSEABLE_TIMESTAMP);
        assertThat(result.rejection().detail()).startsWith("ts must be whole epoch milliseconds");
    }

    @Test
    void rejectsATimestampThatIsNeitherIsoNorANumber() {
        assertThat(reason(parse(tickAt("\"yesterday\"")))).isEqualTo(TickRejection.UNPARSEABLE_TIMESTAMP);
        assertThat(reason(parse(tickAt("\"2024-05-01T11:55:00\"")))).isEqualTo(TickRejection.UNPARSEABLE_TIMESTAMP);
        assertThat(reason(parse(tickAt("true")))).isEqualTo(TickRejection.UNPARSEABLE_TIMESTAMP);
        assertThat(reason(parse(tickAt("{\"s\":1}")))).isEqualTo(TickRejection.UNPARSEABLE_TIMESTAMP);
        assertThat(reason(parse(tickAt("99999999999999999999")))).isEqualTo(TickRejection.UNPARSEABLE_TIMESTAMP);
    }

    @Test
    void rejectsATimestampBefore2000AsAbsurd() {
        final TickParser.Result iso = parse(tickAt("\"1999-12-31T23:59:59Z\""));

        assertThat(reason(iso)).isEqualTo(TickRejection.ABSURD_TIMESTAMP);
        assertThat(iso.rejection().detail()).isEqualTo("ts 1999-12-31T23:59:59Z is before 2000");
    }

    @Test
    void rejectsEpochSecondsMistakenForMillisecondsAsAbsurd() {
        assertThat(reason(parse(tickAt("1714564500")))).isEqualTo(TickRejection.ABSURD_TIMESTAMP);
    }

    @Test
    void acceptsATimestampExactlyAtTheStartOf2000() {
        assertThat(accepted(parse(tickAt("\"2000-01-01T00:00:00Z\""))).tsMs()).isEqualTo(TickParser.MIN_TS_MS);
    }

    @Test
    void rejectsATimestampMoreThanTheSkewAfterTheRecordTimestamp() {
        final TickParser.Result result = parse(tickAt(String.valueOf(RECORD_TS + SKEW_MS + 1)));

        assertThat(reason(result)).isEqualTo(TickRejection.ABSURD_TIMESTAMP);
        assertThat(result.rejection().detail())
                .isEqualTo("ts 2024-05-01T13:00:00.001Z is more than 3600000 ms "
                        + "after the record timestamp 2024-05-01T12:00:00Z");
    }

    @Test
    void acceptsATimestampExactlyTheSkewAfterTheRecordTimestamp() {
        assertThat(accepted(parse(tickAt(String.valueOf(RECORD_TS + SKEW_MS)))).tsMs())
                .isEqualTo(RECORD_TS + SKEW_MS);
    }

    @Test
    void acceptsAFarFutureTimestampWhenTheSkewIsUnbounded() {
        final TickParser unbounded = new TickParser(Long.MAX_VALUE);
        final long year2100 = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

        final TickParser.Result result =
                unbounded.parse("m1", tickAt(String.valueOf(year2100)).getBytes(StandardCharsets.UTF_8), RECORD_TS);

        assertThat(accepted(result).tsMs()).isEqualTo(year2100);
    }

    @Test
    void rejectsAKeyThatDiffersFromTheMarketId() {
        final TickParser.Result result = parse("m2", tick("0.42"));

        assertThat(reason(result)).isEqualTo(TickRejection.KEY_MISMATCH);
        assertThat(result.rejection().detail()).isEqualTo("record key 'm2' differs from market_id 'm1'");
    }

    @Test
    void acceptsARecordWithoutAKey() {
        assertThat(accepted(parse(null, tick("0.42"))).marketId()).isEqualTo("m1");
        assertThat(accepted(parse("", tick("0.42"))).marketId()).isEqualTo("m1");
    }

    @Test
    void ignoresUnknownFields() {
        final Tick tick = accepted(parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42,"
                + "\"source\":\"polymarket\",\"extra\":{\"nested\":[1,2]},\"tte_seconds\":86400}"));

        assertThat(tick).isEqualTo(new Tick("m1", TICK_TS, 0.42, null, null, null));
    }

    @Test
    void lowerCasesAndTrimsTheLiquidityBucket() {
        final Tick tick = accepted(parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42,"
                + "\"liquidity_bucket\":\" HIGH \"}"));

        assertThat(tick.liquidityBucket()).isEqualTo("high");
    }

    @Test
    void treatsABlankLiquidityBucketAsAbsent() {
        final Tick tick = accepted(parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42,"
                + "\"liquidity_bucket\":\"  \"}"));

        assertThat(tick.liquidityBucket()).isNull();
    }

    @Test
    void rejectsANegativeVolume() {
        final TickParser.Result result =
                parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\"," + "\"p_yes\":0.42,\"volume_24h\":-1}");

        assertThat(reason(result)).isEqualTo(TickRejection.OUT_OF_RANGE);
        assertThat(result.rejection().detail()).isEqualTo("volume_24h must not be negative");
    }

    @Test
    void rejectsANegativeOpenInterest() {
        final TickParser.Result result = parse(
                "{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\"," + "\"p_yes\":0.42,\"open_interest\":-0.5}");

        assertThat(reason(result)).isEqualTo(TickRejection.OUT_OF_RANGE);
        assertThat(result.rejection().detail()).isEqualTo("open_interest must not be negative");
    }

    @Test
    void acceptsAZeroVolume() {
        assertThat(accepted(parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42,"
                                + "\"volume_24h\":0}"))
                        .volume24h())
                .isEqualTo(0.0);
    }

    @Test
    void readsADuplicatedFieldAsItsLastValue() {
        assertThat(accepted(parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42,"
                                + "\"p_yes\":0.5}"))
                        .pYes())
                .isEqualTo(0.5);
        assertThat(reason(parse(
                        "{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":0.42," + "\"p_yes\":null}")))
                .isEqualTo(TickRejection.MISSING_FIELD);
        assertThat(accepted(parse("{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\",\"p_yes\":\"0.42\","
                                + "\"p_yes\":0.42}"))
                        .pYes())
                .isEqualTo(0.42);
        final TickParser.Result keyChanged = parse(
                "{\"market_id\":\"m1\",\"ts\":\"2024-05-01T11:55:00Z\"," + "\"p_yes\":0.42,\"market_id\":\"m2\"}");
        assertThat(keyChanged.rejection().detail()).isEqualTo("record key 'm1' differs from market_id 'm2'");
    }

    @Test
    void namesTheTypeOfANestedValueGivenForAKnownField() {
        assertThat(parse(tick("{\"v\":0.42}")).rejection())
                .isEqualTo(new TickRejection(TickRejection.WRONG_TYPE, "p_yes must be a number, got OBJECT"));
        assertThat(parse(tick("[0.42]")).rejection().detail()).isEqualTo("p_yes must be a number, got ARRAY");
        assertThat(parse(tick("false")).rejection().detail()).isEqualTo("p_yes must be a number, got BOOLEAN");
        assertThat(reason(parse(null, "{\"market_id\":{\"id\":\"m1\"},\"ts\":1714564500000,\"p_yes\":0.42}")))
                .isEqualTo(TickRejection.WRONG_TYPE);
        assertThat(parse(tickAt("[1714564500000]")).rejection().detail())
                .isEqualTo("ts must be an ISO-8601 string or epoch milliseconds");
        assertThat(reason(parse("{\"market_id\":\"m1\",\"ts\":1714564500000,\"p_yes\":0.42,"
                        + "\"liquidity_bucket\":[\"mid\"]}")))
                .isEqualTo(TickRejection.WRONG_TYPE);
        assertThat(parse("{\"market_id\":\"m1\",\"ts\":1714564500000,\"p_yes\":0.42,\"volume_24h\":{}}")
                        .rejection())
                .isEqualTo(new TickRejection(TickRejection.WRONG_TYPE, "volume_24h must be a number"));
    }

    @Test
    void skipsNestedValuesOfUnknownFieldsEvenWhenTheyHoldKnownNames() {
        final Tick tick = accepted(
                parse(
                        "{\"extra\":{\"p_yes\":7,\"ts\":[{\"market_id\":\"m9\"}]},"
                                + "\"market_id\":\"m1\",\"list\":[[],{},[null,true,\"x\",1e400]],\"ts\":1714564500000,\"p_yes\":0.42}"));

        assertThat(tick).isEqualTo(new Tick("m1", TICK_TS, 0.42, null, null, null));
    }

    @Test
    void rejectsMalformedJsonInsideTheValueOfAnUnknownField() {
        assertThat(reason(parse("{\"market_id\":\"m1\",\"ts\":1714564500000,\"p_yes\":0.42,\"x\":[1,}]}")))
                .isEqualTo(TickRejection.MALFORMED_JSON);
        assertThat(parse("{\"market_id\":\"m1\",\"ts\":1714564500000,\"p_yes\":0.42,\"x\":\"\\q\"}")
                        .rejection())
                .isEqualTo(new TickRejection(
                        TickRejection.MALFORMED_JSON, "Unrecognized character escape 'q' (code 113)"));
        assertThat(parse("{\"market_id\":\"m1\",\"ts\":1714564500000,\"p_yes\":0.42,\"x\":" + "1".repeat(1001) + "}")
                        .rejection()
                        .reason())
                .isEqualTo(TickRejection.MALFORMED_JSON);
    }

    @Test
    void rejectsMalformedJsonBeforeAnyFieldRule() {
        // the whole value is read first: a missing market id does not hide the broken syntax after it
        assertThat(reason(parse("{\"ts\":1714564500000,\"p_yes\":0.42,\"x\":tru}")))
                .isEqualTo(TickRejection.MALFORMED_JSON);
        assertThat(reason(parse("[1,2] x"))).isEqualTo(TickRejection.MALFORMED_JSON);
    }

    @Test
    void namesTheTrailingTokenAsJacksonsTreeReaderDid() {
        assertThat(parse(tick("0.42") + " 5").rejection().detail())
                .isEqualTo("Trailing token (of type "
                        + "VALUE_NUMBER_INT) found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not "
                        + "allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        assertThat(reason(parse("[1] {}"))).isEqualTo(TickRejection.MALFORMED_JSON);
    }

    @Test
    void rejectsAValueOfOnlyWhitespaceAsNotAnObject() {
        assertThat(parse(" \n ").rejection())
                .isEqualTo(new TickRejection(TickRejection.NOT_AN_OBJECT, "expected a JSON object, got MISSING"));
        assertThat(parse("null").rejection().detail()).isEqualTo("expected a JSON object, got NULL");
        assertThat(parse("\"m1\"").rejection().detail()).isEqualTo("expected a JSON object, got STRING");
    }

    @Test
    void treatsNumbersWrittenAsStringsAsStrings() {
        assertThat(parse(tickAt("\"1714564500000\"")).rejection())
                .isEqualTo(new TickRejection(
                        TickRejection.UNPARSEABLE_TIMESTAMP, "ts '1714564500000' is not ISO-8601 with an offset"));
        assertThat(reason(parse(
                        "{\"market_id\":\"m1\",\"ts\":1714564500000,\"p_yes\":0.42," + "\"open_interest\":\"5\"}")))
                .isEqualTo(TickRejection.WRONG_TYPE);
        assertThat(reason(parse(tick("\" nan \"")))).isEqualTo(TickRejection.NON_FINITE);
    }

    @Test
    void acceptsAWholeEpochGivenAsAFloatingPointNumber() {
        assertThat(accepted(parse(tickAt("1714564500000.0"))).tsMs()).isEqualTo(TICK_TS);
        assertThat(accepted(parse(tickAt("1.7145645E12"))).tsMs()).isEqualTo(TICK_TS);
    }

    @Test
    void rejectsEpochNumbersBeyondALongWithTheNumberInTheDetail() {
        assertThat(parse(tickAt("99999999999999999999")).rejection().detail())
                .isEqualTo("ts must be whole epoch milliseconds, got 99999999999999999999");
        assertThat(parse(tickAt("9223372036854775808")).rejection().detail())
                .isEqualTo("ts must be whole epoch milliseconds, got 9223372036854775808");
        assertThat(parse(tickAt("9.3e18")).rejection().detail())
                .isEqualTo("ts must be whole epoch milliseconds, got 9.3E18");
        assertThat(parse(tickAt("1e999")).rejection().detail())
                .isEqualTo("ts must be whole epoch milliseconds, got \"Infinity\"");
        assertThat(reason(parse(tickAt("9223372036854775807")))).isEqualTo(TickRejection.ABSURD_TIMESTAMP);
        assertThat(parse(tickAt("-9223372036854775808")).rejection().detail())
                .isEqualTo("ts -292275055-05-16T16:47:04.192Z is before 2000");
    }

    @Test
    void readsAnIntegerTooLargeForADoubleAsNonFinite() {
        assertThat(parse(tick("1".repeat(400))).rejection())
                .isEqualTo(new TickRejection(TickRejection.NON_FINITE, "p_yes is not finite"));
        assertThat(accepted(parse(tick("-0"))).pYes()).isEqualTo(0.0);
    }

    @Test
    void decodesTheKeyAsUtf8() {
        assertThat(TickParser.keyText("märkt".getBytes(StandardCharsets.UTF_8))).isEqualTo("märkt");
        assertThat(TickParser.keyText(null)).isNull();
    }
}
