package io.tsfm.streams.report;

import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.domain.ForecastRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one period served: forecasts, model and baseline answers, fallback reasons (overall, per market and
 * over time), dead-lettered ticks, model latency, and per segment the facts the classifier weighs.
 *
 * @param routedToModel  forecasts less those of the input gates and the route policy (the availability SLO's total)
 * @param modelFallbacks forecasts routed to the model that the baseline served (breaker, deadline, errors)
 */
public record ServingFigures(
        long forecasts,
        long modelAnswered,
        long baseline,
        long routedToModel,
        long modelFallbacks,
        long invalidPayloads,
        long fallbackEvents,
        Map<String, Long> reasons,
        Map<String, Long> marketFallbacks,
        long dlq,
        Map<String, Long> dlqReasons,
        Latency latency,
        List<Bucket> overTime,
        Map<String, Segment> segments) {

    /** Percentiles of the model call's latency over the model answers (ms), NaN without any. */
    public record Latency(long calls, double p50, double p95, double p99) {
        static Latency of(final List<Long> ms) {
            final long[] sorted =
                    ms.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Latency(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99));
        }

        /** Nearest-rank percentile. */
        static double rank(final long[] sorted, final double q) {
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(q * sorted.length) - 1];
        }
    }

    /** One time bucket: forecasts, baseline answers, fallbacks of model-routed forecasts, reasons, latency. */
    public record Bucket(
            String start,
            long forecasts,
            long baseline,
            long modelFallbacks,
            Map<String, Long> reasons,
            Latency latency) {
        public double baselineShare() {
            return forecasts == 0 ? Double.NaN : (double) baseline / forecasts;
        }
    }

    /** One segment: forecasts, routed to the model, their fallbacks, breaker refusals, gap gates, models. */
    public record Segment(
            long forecasts,
            long routedToModel,
            long modelFallbacks,
            long breakerOpens,
            long gapGated,
            Set<String> versions) {
        public double fallbackShare() {
            return routedToModel == 0 ? Double.NaN : (double) modelFallbacks / routedToModel;
        }

        public double gapShare() {
            return forecasts == 0 ? Double.NaN : (double) gapGated / forecasts;
        }
    }

    /** Whether a baseline answer's reason is an input gate or the route policy (not a failure to serve). */
    static boolean byDesign(final String reason) {
        return FallbackReasons.isInputGate(reason) || FallbackReasons.ROUTE_POLICY_BASELINE.equals(reason);
    }

    public static ServingFigures of(final PeriodData data, final Duration bucket) {
        final long span = Duration.between(data.from(), data.to()).toMillis();
        final int buckets = (int) Math.max(1, (span + bucket.toMillis() - 1) / bucket.toMillis());
        final long[] bForecasts = new long[buckets];
        final long[] bBaseline = new long[buckets];
        final long[] bModelFallbacks = new long[buckets];
        final List<List<Long>> bLatency = new ArrayList<>();
        final List<Map<String, Long>> bReasons = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            bLatency.add(new ArrayList<>());
            bReasons.add(new TreeMap<>());
        }
        final Map<String, SegmentTally> segments = new TreeMap<>();
        final List<Long> latencies = new ArrayList<>();
        long modelAnswered = 0;
        long routed = 0;
        long modelFallbacks = 0;
        long invalid = 0;
        for (final ForecastRecord f : data.forecasts()) {
            final int b = index(data.from(), bucket, f.asOfTs(), buckets);
            final SegmentTally s = segments.computeIfAbsent(Segments.of(f), k -> new SegmentTally());
            s.forecasts++;
            bForecasts[b]++;
            final String reason = f.meta().fallbackReason();
            if (!f.meta().fallbackUsed()) {
                modelAnswered++;
                routed++;
                s.routed++;
                s.versions.add(f.meta().modelName() + ":" + f.meta().modelVersion());
                if (f.meta().latencyMs() != null) {
                    latencies.add(f.meta().latencyMs());
                    bLatency.get(b).add(f.meta().latencyMs());
                }
                continue;
            }
            bBaseline[b]++;
            if (FallbackReasons.MAX_GAP_EXCEEDED.equals(reason)) {
                s.gapGated++;
            }
            if (!byDesign(reason)) {
                routed++;
                modelFallbacks++;
                s.routed++;
                s.modelFallbacks++;
                bModelFallbacks[b]++;
                if (FallbackReasons.CIRCUIT_BREAKER_OPEN.equals(reason)) {
                    s.breakerOpens++;
                }
                if (reason != null && reason.startsWith(FallbackReasons.forInvalidSeries(""))) {
                    invalid++;
                }
            }
        }
        final Map<String, Long> reasons = new TreeMap<>();
        final Map<String, Long> markets = new TreeMap<>();
        for (final FallbackEvent e : data.fallbacks()) {
            reasons.merge(e.reason(), 1L, Long::sum);
            if (!byDesign(e.reason())) {
                markets.merge(e.marketId(), 1L, Long::sum);
            }
            bReasons.get(index(data.from(), bucket, e.asOfTs(), buckets)).merge(e.reason(), 1L, Long::sum);
        }
        final Map<String, Long> dlqReasons = new TreeMap<>();
        data.dlq().forEach(d -> dlqReasons.merge(d.reason(), 1L, Long::sum));
        final List<Bucket> overTime = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            overTime.add(new Bucket(
                    data.from().plus(bucket.multipliedBy(i)).toString(),
                    bForecasts[i],
                    bBaseline[i],
                    bModelFallbacks[i],
                    bReasons.get(i),
                    Latency.of(bLatency.get(i))));
        }
        final Map<String, Segment> bySegment = new TreeMap<>();
        segments.forEach((k, s) -> bySegment.put(
                k, new Segment(s.forecasts, s.routed, s.modelFallbacks, s.breakerOpens, s.gapGated, s.versions)));
        return new ServingFigures(
                data.forecasts().size(),
                modelAnswered,
                data.forecasts().size() - modelAnswered,
                routed,
                modelFallbacks,
                invalid,
                data.fallbacks().size(),
                reasons,
                markets,
                data.dlq().size(),
                dlqReasons,
                Latency.of(latencies),
                overTime,
                bySegment);
    }

    /** Share of forecasts the model answered; NaN without forecasts. */
    public double modelShare() {
        return forecasts == 0 ? Double.NaN : (double) modelAnswered / forecasts;
    }

    /** Dead-lettered ticks per forecast: the report reads no tick topic, so forecasts stand for the traffic. */
    public double dlqShare() {
        return forecasts == 0 ? (dlq == 0 ? 0.0 : Double.NaN) : (double) dlq / forecasts;
    }

    private static int index(final Instant from, final Duration bucket, final String ts, final int buckets) {
        final long i = Duration.between(from, Instant.parse(ts)).toMillis() / bucket.toMillis();
        return (int) Math.max(0, Math.min(buckets - 1, i));
    }

    private static final class SegmentTally {
        long forecasts;
        long routed;
        long modelFallbacks;
        long breakerOpens;
        long gapGated;
        final Set<String> versions = new TreeSet<>();
    }
}
