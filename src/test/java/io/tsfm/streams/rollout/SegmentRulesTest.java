package io.tsfm.streams.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SegmentRulesTest {

    @Test
    void commaSeparatedRulesParseInOrderWithSpacesIgnored() {
        final SegmentRules rules = SegmentRules.parse(" liquidity_bucket=low , market_id = m-0042");

        assertThat(rules.rules())
                .containsExactly(
                        new SegmentRule(SegmentRule.Attribute.LIQUIDITY_BUCKET, "low"),
                        new SegmentRule(SegmentRule.Attribute.MARKET_ID, "m-0042"));
    }

    @Test
    void theFirstMatchingRuleNamesTheSegment() {
        final SegmentRules rules = SegmentRules.parse("liquidity_bucket=mid,market_id=m-0042");

        assertThat(rules.firstMatch("m-0042", "mid")).map(SegmentRule::toString).contains("liquidity_bucket=mid");
        assertThat(rules.firstMatch("m-0042", "high"))
                .map(SegmentRule::toString)
                .contains("market_id=m-0042");
        assertThat(rules.firstMatch("m-0043", "high")).isEmpty();
        assertThat(rules.firstMatch("m-0043", null)).isEmpty();
    }

    @Test
    void nullOrBlankMeansNoRules() {
        assertThat(SegmentRules.parse(null).isEmpty()).isTrue();
        assertThat(SegmentRules.parse("  ").isEmpty()).isTrue();
    }

    @Test
    void malformedRulesAreRefusedWithTheOffendingText() {
        assertThatThrownBy(() -> SegmentRules.parse("liquidity_bucket"))
                .hasMessage("segment rule 'liquidity_bucket' is not key=value");
        assertThatThrownBy(() -> SegmentRules.parse("tte_bucket=0_24h"))
                .hasMessage("unknown segment attribute 'tte_bucket' (expected one of: liquidity_bucket, market_id)");
        assertThatThrownBy(() -> SegmentRules.parse("liquidity_bucket="))
                .hasMessage("segment rule liquidity_bucket needs a value");
        assertThatThrownBy(() -> SegmentRules.parse("liquidity_bucket=low,,"))
                .hasMessage("empty segment rule in 'liquidity_bucket=low,,'");
    }
}
