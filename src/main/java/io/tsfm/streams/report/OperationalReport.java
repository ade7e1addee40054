package io.tsfm.streams.report;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code report} command's work: reads the period and the previous one from the output topics, asks
 * Prometheus when given, and builds the {@link Report}. Prometheus failing is not fatal: the report says so.
 *
 * @param bootstrap     Kafka's bootstrap servers
 * @param topics        the output topics
 * @param prometheus    Prometheus' base URL, null for none
 * @param targets       SLO targets by name
 * @param window        the SLO window (28 days)
 * @param matchDistance the shadow match distance
 * @param timeout       how long Kafka and Prometheus are waited for
 */
public record OperationalReport(
        String bootstrap,
        PeriodData.Topics topics,
        URI prometheus,
        Map<String, Double> targets,
        Duration window,
        double matchDistance,
        Duration timeout) {

    public Report run(final Instant from, final Instant to) {
        final Duration length = Duration.between(from, to);
        final RangeReader reader = new RangeReader(bootstrap, timeout);
        final List<PeriodData> periods = PeriodData.read(reader, topics, from.minus(length), from, to);
        final PeriodData previous = periods.get(0);
        final PeriodData current = periods.get(1);
        PrometheusSource.Figures figures = null;
        String note = null;
        if (prometheus == null) {
            note = "no --prometheus given";
        } else {
            try {
                figures = new PrometheusSource(prometheus, timeout).figures(from, to, ReportBuilder.bucket(length));
            } catch (final PrometheusSource.Unavailable e) {
                note = e.getMessage();
            }
        }
        return new ReportBuilder(targets, window, matchDistance).build(current, previous, figures, note);
    }
}
