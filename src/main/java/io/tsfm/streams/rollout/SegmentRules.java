package io.tsfm.streams.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The segments a rollout keeps on the baseline, parsed from a comma-separated list of
 * {@link SegmentRule}s such as {@code liquidity_bucket=low, liquidity_bucket=mid}; the first rule that
 * matches a market names the route reason.
 */
public record SegmentRules(List<SegmentRule> rules) {

    public static final SegmentRules NONE = new SegmentRules(List.of());

    public SegmentRules {
        rules = List.copyOf(rules);
    }

    /** Parses the comma-separated rules; null or blank means no rules. */
    public static SegmentRules parse(final String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        final List<SegmentRule> parsed = new ArrayList<>();
        for (final String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("empty segment rule in '" + text + "'");
            }
            parsed.add(SegmentRule.parse(part));
        }
        return new SegmentRules(parsed);
    }

    /** The first rule matching the market, if any. */
    public Optional<SegmentRule> firstMatch(final String marketId, final String liquidityBucket) {
        for (final SegmentRule rule : rules) {
            if (rule.matches(marketId, liquidityBucket)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
