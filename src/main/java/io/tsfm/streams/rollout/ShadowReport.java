package io.tsfm.streams.rollout;

import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.score.ForecastScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shadow comparison for a time range, from the topics alone: per segment (and overall), how many
 * shadow forecasts were compared with the served one, the match rate (last-step medians within the match
 * distance; the seed rollout plan's target >= 95 %), the candidate's fallback rate, both sides' mean call latency, and
 * once realised, both sides' coverage and pinball loss from the scores topic. Pure.
 */
public final class ShadowReport {
    public static final String ALL = "all";

    /** One line of the report. */
    public record Row(
            String segment,
            String candidate,
            long shadowForecasts,
            long candidateFallbacks,
            double candidateFallbackRate,
            long compared,
            double matchRate,
            Double servedLatencyMs,
            Double shadowLatencyMs,
            long scored,
            Double servedCoverage,
            Double shadowCoverage,
            Double servedPinball,
            Double shadowPinball) {}

    private static final class Acc {
        String candidate;
        long shadows;
        long fallbacks;
        long compared;
        long matches;
        double servedLatency;
        long servedLatencyN;
        double shadowLatency;
        long shadowLatencyN;
        long scored;
        double servedCoverage;
        double shadowCoverage;
        double servedPinball;
        double shadowPinball;
    }

    private ShadowReport() {}

    /** What a row groups by: the calibration segment (liquidity bucket and motion) or the market. */
    public enum GroupBy {
        SEGMENT,
        MARKET
    }

    /** Per segment; see {@link #of(List, List, List, Instant, Instant, double, GroupBy)}. */
    public static List<Row> of(
            final List<ForecastRecord> served,
            final List<ForecastRecord> shadows,
            final List<ForecastScore> scores,
            final Instant from,
            final Instant to,
            final double matchDistance) {
        return of(served, shadows, scores, from, to, matchDistance, GroupBy.SEGMENT);
    }

    /**
     * Forecasts, shadows and scores with as_of in [from, to]; a shadow and a served forecast pair by market and
     * as_of. The first row is over everything ({@link #ALL}), then one per segment or market.
     */
    public static List<Row> of(
            final List<ForecastRecord> served,
            final List<ForecastRecord> shadows,
            final List<ForecastScore> scores,
            final Instant from,
            final Instant to,
            final double matchDistance,
            final GroupBy groupBy) {
        final Map<String, ForecastRecord> servedByKey = new HashMap<>();
        for (final ForecastRecord f : served) {
            if (inRange(f.asOfTs(), from, to)) {
                servedByKey.put(key(f.marketId(), f.asOfTs()), f);
            }
        }
        final Map<String, ForecastScore> servedScores = new HashMap<>();
        final Map<String, ForecastScore> shadowScores = new HashMap<>();
        for (final ForecastScore s : scores) {
            (Boolean.TRUE.equals(s.shadow()) ? shadowScores : servedScores).put(key(s.marketId(), s.asOfTs()), s);
        }
        final Map<String, Acc> bySegment = new TreeMap<>();
        for (final ForecastRecord sh : shadows) {
            if (!inRange(sh.asOfTs(), from, to)) {
                continue;
            }
            final String segment = groupBy == GroupBy.MARKET
                    ? sh.marketId()
                    : sh.meta().calibration() != null ? sh.meta().calibration().segment() : "unknown";
            for (final Acc acc : List.of(
                    bySegment.computeIfAbsent(ALL, k -> new Acc()),
                    bySegment.computeIfAbsent(segment, k -> new Acc()))) {
                add(
                        acc,
                        sh,
                        servedByKey.get(key(sh.marketId(), sh.asOfTs())),
                        matchDistance,
                        servedScores.get(key(sh.marketId(), sh.asOfTs())),
                        shadowScores.get(key(sh.marketId(), sh.asOfTs())));
            }
        }
        final List<Row> rows = new ArrayList<>();
        bySegment.forEach((segment, a) -> rows.add(new Row(
                segment,
                a.candidate,
                a.shadows,
                a.fallbacks,
                ratio(a.fallbacks, a.shadows),
                a.compared,
                ratio(a.matches, a.compared),
                mean(a.servedLatency, a.servedLatencyN),
                mean(a.shadowLatency, a.shadowLatencyN),
                a.scored,
                mean(a.servedCoverage, a.scored),
                mean(a.shadowCoverage, a.scored),
                mean(a.servedPinball, a.scored),
                mean(a.shadowPinball, a.scored))));
        rows.sort((x, y) -> ALL.equals(x.segment())
                ? -1
                : ALL.equals(y.segment()) ? 1 : x.segment().compareTo(y.segment()));
        return rows;
    }

    private static void add(
            final Acc a,
            final ForecastRecord shadow,
            final ForecastRecord served,
            final double matchDistance,
            final ForecastScore servedScore,
            final ForecastScore shadowScore) {
        a.candidate = shadow.meta().fallbackUsed() && a.candidate != null
                ? a.candidate
                : shadow.meta().modelName();
        a.shadows++;
        if (shadow.meta().fallbackUsed()) {
            a.fallbacks++;
            return;
        }
        if (served != null) {
            a.compared++;
            if (Math.abs(served.lastMedian() - shadow.lastMedian()) <= matchDistance) {
                a.matches++;
            }
            if (served.meta().latencyMs() != null && shadow.meta().latencyMs() != null) {
                a.servedLatency += served.meta().latencyMs();
                a.servedLatencyN++;
                a.shadowLatency += shadow.meta().latencyMs();
                a.shadowLatencyN++;
            }
        }
        if (servedScore != null && shadowScore != null) {
            a.scored++;
            a.servedCoverage += servedScore.served().coverage();
            a.shadowCoverage += shadowScore.served().coverage();
            a.servedPinball += servedScore.served().meanPinball();
            a.shadowPinball += shadowScore.served().meanPinball();
        }
    }

    private static boolean inRange(final String asOf, final Instant from, final Instant to) {
        final Instant t = Instant.parse(asOf);
        return !t.isBefore(from) && !t.isAfter(to);
    }

    private static String key(final String market, final String asOf) {
        return market + "@" + asOf;
    }

    private static double ratio(final long n, final long d) {
        return d == 0 ? Double.NaN : (double) n / d;
    }

    private static Double mean(final double sum, final long n) {
        return n == 0 ? null : sum / n;
    }

    public static String markdown(final List<Row> rows) {
        final StringBuilder sb = new StringBuilder();
        sb.append(
                "| segment or market | candidate | shadow forecasts | candidate fallback rate | compared | match rate "
                        + "| served latency ms | shadow latency ms | scored | served coverage | shadow coverage "
                        + "| served pinball | shadow pinball |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final Row r : rows) {
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %s | %d | %s | %s | %s | %d | %s | %s | %s | %s |%n",
                    r.segment().replace("|", "\\|"),
                    r.candidate(),
                    r.shadowForecasts(),
                    pct(r.candidateFallbackRate()),
                    r.compared(),
                    pct(r.matchRate()),
                    num(r.servedLatencyMs(), "%.0f"),
                    num(r.shadowLatencyMs(), "%.0f"),
                    r.scored(),
                    pct(r.servedCoverage()),
                    pct(r.shadowCoverage()),
                    num(r.servedPinball(), "%.5f"),
                    num(r.shadowPinball(), "%.5f")));
        }
        return sb.toString();
    }

    private static String pct(final Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    private static String num(final Double v, final String format) {
        return v == null ? "-" : String.format(Locale.ROOT, format, v);
    }
}
