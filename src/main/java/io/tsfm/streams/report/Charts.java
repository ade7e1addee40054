package io.tsfm.streams.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** The report's three charts as PNG, drawn with JFreeChart headless (no display needed). */
final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 380;

    private Charts() {}

    static List<Doc.Chart> of(final Report r) {
        System.setProperty("java.awt.headless", "true");
        return List.of(fallbackShare(r), coverageByHorizon(r), latency(r));
    }

    static Doc.Chart fallbackShare(final Report r) {
        final TimeSeries all = new TimeSeries("baseline share of all forecasts");
        final TimeSeries routed = new TimeSeries("fallback share of model-routed forecasts");
        for (final ServingFigures.Bucket b : r.forecasts().current().overTime()) {
            final FixedMillisecond at = at(b.start());
            if (b.forecasts() > 0) {
                all.add(at, b.baselineShare());
                final long routedForecasts = b.forecasts() - b.baseline() + b.modelFallbacks();
                routed.add(at, routedForecasts == 0 ? 0.0 : (double) b.modelFallbacks() / routedForecasts);
            }
        }
        final TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(all);
        data.addSeries(routed);
        final String title = "Fallback share over time";
        return chart(
                "fallback-share.png", title, ChartFactory.createTimeSeriesChart(title, "as_of (UTC)", "share", data));
    }

    static Doc.Chart coverageByHorizon(final Report r) {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        final double[] now = r.quality().coverageByStep();
        final double[] before = r.quality().previousCoverageByStep();
        for (int i = 0; i < now.length; i++) {
            final String step = Integer.toString(i + 1);
            data.addValue(finite(before[i]), "previous period", step);
            data.addValue(finite(now[i]), "this period", step);
            data.addValue(0.8, "target 0.8", step);
        }
        final String title = "Served band coverage by horizon step";
        return chart(
                "coverage-by-horizon.png",
                title,
                ChartFactory.createLineChart(
                        title, "horizon step (5 min)", "coverage", data, PlotOrientation.VERTICAL, true, false, false));
    }

    static Doc.Chart latency(final Report r) {
        final TimeSeries p50 = new TimeSeries("p50");
        final TimeSeries p95 = new TimeSeries("p95");
        final TimeSeries p99 = new TimeSeries("p99");
        final String source;
        if (!r.latency().prometheus().isEmpty()) {
            source = "Prometheus, every model request";
            for (final PrometheusSource.LatencyPoint p : r.latency().prometheus()) {
                addIfFinite(p50, at(p.ts()), p.p50());
                addIfFinite(p95, at(p.ts()), p.p95());
                addIfFinite(p99, at(p.ts()), p.p99());
            }
        } else {
            source = "forecast records' latency_ms";
            for (final ServingFigures.Bucket b : r.forecasts().current().overTime()) {
                addIfFinite(p50, at(b.start()), b.latency().p50());
                addIfFinite(p95, at(b.start()), b.latency().p95());
                addIfFinite(p99, at(b.start()), b.latency().p99());
            }
        }
        final TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(p50);
        data.addSeries(p95);
        data.addSeries(p99);
        final String title = "Model latency percentiles (" + source + ")";
        return chart("latency.png", title, ChartFactory.createTimeSeriesChart(title, "time (UTC)", "ms", data));
    }

    private static void addIfFinite(final TimeSeries s, final FixedMillisecond at, final double v) {
        if (Double.isFinite(v)) {
            s.addOrUpdate(at, v);
        }
    }

    private static Double finite(final double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static FixedMillisecond at(final String ts) {
        return new FixedMillisecond(Instant.parse(ts).toEpochMilli());
    }

    private static Doc.Chart chart(final String file, final String title, final JFreeChart chart) {
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy && xy.getDomainAxis() instanceof DateAxis axis) {
            axis.setTimeZone(TimeZone.getTimeZone("UTC"));
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (chart.getPlot() instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        final ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final RuntimeException | Error e) {
            // Java2D needs fontconfig and a font even headless; a slim image may have neither: the report
            // is still written, and says what is missing
            return Doc.Chart.missing(file, title, "chart not drawn (" + e + "); install fontconfig and a font");
        }
        return new Doc.Chart(file, title, png.toByteArray(), null);
    }
}
