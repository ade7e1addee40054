package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric name used by the Prometheus rules (monitoring/prometheus/rules) and the Grafana dashboards
 * (monitoring/grafana/dashboards) is exported by a running instance at /metrics. The seed's rules used two
 * metrics it never emitted; this keeps ours honest. Names defined by our own recording rules are not
 * scraped, so they are excluded.
 */
class MonitoringMetricsIT {
    private static final List<String> MARKETS = List.of("m-01", "m-02", "m-03");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void everyMetricTheRulesAndDashboardsUseIsExported() throws Exception {
        final Path root = repositoryRoot();
        final Map<String, Set<String>> used = usedMetricNames(root);
        final Set<String> all = new TreeSet<>();
        used.values().forEach(all::addAll);
        // the parser found the families the canary rules are built on (it is not trivially empty)
        assertThat(all)
                .contains(
                        "tsfm_request_duration_seconds_bucket",
                        "tsfm_request_total",
                        "tsfm_fallback_total",
                        "tsfm_forecasts_total",
                        "tsfm_invalid_output_total",
                        "tsfm_cycle_lag_seconds",
                        "tsfm_dlq_total",
                        "tsfm_pending_jobs",
                        "kafka_stream_alive_stream_threads");

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .dataDir(tmp.resolve("kafka"))
                        .start();
                LocalForecaster forecaster = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            broker.createTopics(2, ItSupport.APP_TOPICS);
            final Instant start = ItSupport.startHoursAgo(3);
            final Instant last =
                    ItSupport.produceMinuteTicks(broker.bootstrapServers(), "market-ticks", MARKETS, start, 120);
            final int expected = ItSupport.expected(MARKETS, ItSupport.boundaries(start, last))
                    .size();
            final Map<String, String> settings = ItSupport.appSettings(
                    broker.bootstrapServers(),
                    "monitoring-it",
                    forecaster.url(),
                    tmp.resolve("state").toString());
            // a canary with the shadow outside the share: every rollout metric (candidate, shadow, routes) appears
            settings.put("rollout.stage", "canary_25");
            settings.put("rollout.candidate.model", "local-ets-damped");
            settings.put("rollout.shadow.outside.share", "true");
            settings.put("min.points.for.tsfm", "8"); // model calls (and shadow calls) from the 40th minute on
            try (TsfmApp app = new TsfmApp(AppConfig.of(settings)).start()) {
                ItSupport.forecasts(broker.bootstrapServers(), expected);
                // some client metrics (Kafka's, the JVM's GC timer) are bound lazily: scrape until every name
                // is there or the time is up, then report what is still missing
                final HttpClient http = HttpClient.newHttpClient();
                final URI metricsUri = URI.create("http://127.0.0.1:" + app.opsPort() + "/metrics");
                final AtomicReference<Set<String>> exported = new AtomicReference<>(Set.of());
                final AtomicReference<Map<String, Set<String>>> missing = new AtomicReference<>(Map.of());
                try {
                    await().atMost(ItSupport.STALL)
                            .pollInterval(Duration.ofSeconds(2))
                            .until(() -> {
                                final HttpResponse<String> r = http.send(
                                        HttpRequest.newBuilder(metricsUri).GET().build(),
                                        HttpResponse.BodyHandlers.ofString());
                                assertThat(r.statusCode()).isEqualTo(200);
                                exported.set(exportedNames(r.body()));
                                missing.set(missing(used, exported.get()));
                                return missing.get().isEmpty();
                            });
                } catch (final ConditionTimeoutException e) {
                    // fall through: the assertion below lists what is still missing
                }
                assertThat(exported.get()).contains("tsfm_forecasts_total", "tsfm_request_duration_seconds_bucket");
                assertThat(missing.get())
                        .as("metric names used by rules or dashboards but absent from /metrics (file -> names)")
                        .isEmpty();
            }
        }
    }

    /** The name extraction itself, on the shapes of query our rules and dashboards use. */
    @Test
    void extractsMetricNamesAndNothingElse() {
        assertThat(
                        PromQl.metricNames(
                                "histogram_quantile(0.95, sum by (rollout_stage, le) (rate(tsfm_request_duration_seconds_bucket[5m]))) * 1000"))
                .containsExactly("tsfm_request_duration_seconds_bucket");
        assertThat(PromQl.metricNames("sum by (rollout_stage) (rate(tsfm_request_total{status!=\"ok\"}[5m]))\n  /\n"
                        + "sum by (rollout_stage) (rate(tsfm_request_total[5m]))"))
                .containsExactly("tsfm_request_total");
        assertThat(
                        PromQl.metricNames(
                                "min by (rollout_stage, job, instance) (min_over_time(tsfm_pending_jobs[15m])) > 0\n"
                                        + "and on (rollout_stage, job, instance)\n(sum by (instance) (increase(tsfm_forecasts_total{runtime=\"tollama\"}[15m]))"
                                        + " + sum without (reason) (increase(tsfm_fallback_total{reason=~\"tollama_error:.*|deadline_exceeded\"}[15m]))) == 0"))
                .containsExactly("tsfm_fallback_total", "tsfm_forecasts_total", "tsfm_pending_jobs");
        assertThat(
                        PromQl.metricNames(
                                "sum by (rollout_stage, reason) (rate(tsfm_fallback_total{rollout_stage=~\"$rollout_stage\"}"
                                        + "[$__rate_interval])) / on (rollout_stage) group_left sum by (rollout_stage) (rate(x_total[1m] offset 5m))"))
                .containsExactly("tsfm_fallback_total", "x_total");
        assertThat(PromQl.metricNames(
                        "rollout_stage:tsfm_fallback:ratio_rate5m{rollout_stage=~\"canary_25|full_100\"} > 0.10"))
                .containsExactly("rollout_stage:tsfm_fallback:ratio_rate5m");
        assertThat(PromQl.metricNames("max by (instance) (a_metric) == 1 or max by (instance) (b_metric) >= 1e3"))
                .containsExactly("a_metric", "b_metric");
        assertThat(PromQl.metricNames("sum(rate(foo_total[5m])) by (le)")).containsExactly("foo_total");
        assertThat(PromQl.metricNames("vector(1) and bool 2 < inf")).isEmpty();
        assertThat(PromQl.templatingNames(
                        "label_values(tsfm_ticks_total{rollout_stage=~\"$rollout_stage\"}, instance)"))
                .containsExactly("tsfm_ticks_total");
        assertThat(PromQl.templatingNames("label_values(rollout_stage)")).isEmpty();
    }

    // ---------------------------------------------------------------- what the files use

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (a folder with pom.xml)").isNotNull();
        return dir;
    }

    private static List<Path> files(final Path dir, final String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    /** Metric names referenced per file (relative path), recording rule outputs excluded. */
    static Map<String, Set<String>> usedMetricNames(final Path root) throws IOException {
        final Map<String, Set<String>> used = new TreeMap<>();
        final Set<String> recorded = new TreeSet<>();
        final Map<String, List<String>> ruleExprs = new TreeMap<>();
        final List<Path> ruleFiles = files(root.resolve("monitoring/prometheus/rules"), ".yml");
        assertThat(ruleFiles).as("rule files").isNotEmpty();
        for (final Path f : ruleFiles) {
            final List<String> exprs = new ArrayList<>();
            for (final JsonNode group : YAML.readTree(f.toFile()).path("groups")) {
                for (final JsonNode rule : group.path("rules")) {
                    if (rule.hasNonNull("record")) {
                        recorded.add(rule.get("record").asText());
                    }
                    exprs.add(rule.path("expr").asText());
                }
            }
            ruleExprs.put(root.relativize(f).toString(), exprs);
        }
        ruleExprs.forEach((file, exprs) -> {
            final Set<String> names = new TreeSet<>();
            exprs.forEach(e -> names.addAll(PromQl.metricNames(e)));
            names.removeAll(recorded);
            used.put(file, names);
        });

        final List<Path> dashboards = files(root.resolve("monitoring/grafana/dashboards"), ".json");
        assertThat(dashboards).as("dashboards").isNotEmpty();
        for (final Path f : dashboards) {
            final JsonNode d = JSON.readTree(f.toFile());
            final Set<String> names = new TreeSet<>();
            final List<String> exprs = new ArrayList<>();
            collect(d.path("panels"), "expr", exprs);
            assertThat(exprs).as("panel queries of %s", f.getFileName()).isNotEmpty();
            exprs.forEach(e -> names.addAll(PromQl.metricNames(e)));
            for (final JsonNode variable : d.path("templating").path("list")) {
                final JsonNode q = variable.path("query");
                names.addAll(
                        PromQl.templatingNames(q.isObject() ? q.path("query").asText() : q.asText()));
            }
            // a dashboard must work without our recording rules loaded, unless it says it needs them (tag
            // recording-rules: the SLO dashboard reads the error budgets the rules compute)
            if (StreamSupport.stream(d.path("tags").spliterator(), false)
                    .anyMatch(t -> "recording-rules".equals(t.asText()))) {
                names.removeAll(recorded);
            }
            used.put(root.relativize(f).toString(), names);
        }
        return used;
    }

    private static void collect(final JsonNode node, final String field, final List<String> out) {
        if (node.isObject()) {
            final JsonNode v = node.get(field);
            if (v != null && v.isTextual()) {
                out.add(v.asText());
            }
            node.forEach(child -> collect(child, field, out));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, field, out));
        }
    }

    /** Sample names of a Prometheus text exposition (comments skipped); _bucket/_count/_sum are there as is. */
    static Set<String> exportedNames(final String exposition) {
        final Set<String> out = new TreeSet<>();
        for (final String line : exposition.split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            out.add(line.substring(0, end));
        }
        return out;
    }

    private static Map<String, Set<String>> missing(final Map<String, Set<String>> used, final Set<String> exported) {
        final Map<String, Set<String>> out = new TreeMap<>();
        used.forEach((file, names) -> {
            final Set<String> m = new TreeSet<>(names);
            m.removeAll(exported);
            if (!m.isEmpty()) {
                out.put(file, m);
            }
        });
        return out;
    }

    /**
     * A conservative PromQL name extractor: strings, label matchers, ranges, grouping clauses and Grafana
     * variables are removed first; what remains of an identifier that is neither followed by '(' (a function or
     * aggregation) nor a keyword/aggregation operator is a metric name.
     */
    static final class PromQl {
        private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
        private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");
        private static final Pattern RANGE = Pattern.compile("\\[[^\\[\\]]*]");
        private static final Pattern GROUPING =
                Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
        private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?");
        private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_:.])([A-Za-z_:][A-Za-z0-9_:]*)");
        private static final Set<String> KEYWORDS = Set.of(
                "and",
                "or",
                "unless",
                "by",
                "without",
                "on",
                "ignoring",
                "group_left",
                "group_right",
                "bool",
                "offset",
                "inf",
                "nan",
                "atan2",
                "start",
                "end",
                "sum",
                "min",
                "max",
                "avg",
                "group",
                "stddev",
                "stdvar",
                "count",
                "count_values",
                "bottomk",
                "topk",
                "quantile",
                "limitk",
                "limit_ratio");
        private static final Pattern LABEL_VALUES =
                Pattern.compile("label_values\\s*\\((.*),\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)\\s*$", Pattern.DOTALL);
        private static final Pattern QUERY_RESULT = Pattern.compile("query_result\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);
        private static final Pattern METRICS_FN = Pattern.compile("metrics\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);

        private PromQl() {}

        static Set<String> metricNames(final String expr) {
            String s = STRING.matcher(expr).replaceAll("\"\"");
            s = GRAFANA_VARIABLE.matcher(s).replaceAll(" ");
            s = MATCHERS.matcher(s).replaceAll("{}");
            s = RANGE.matcher(s).replaceAll("[]");
            s = GROUPING.matcher(s).replaceAll(" $1 ");
            final Set<String> out = new TreeSet<>();
            final Matcher m = IDENTIFIER.matcher(s);
            while (m.find()) {
                final String token = m.group(1);
                int next = m.end();
                while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                    next++;
                }
                final boolean call = next < s.length() && s.charAt(next) == '(';
                if (!call && !KEYWORDS.contains(token.toLowerCase(java.util.Locale.ROOT))) {
                    out.add(token);
                }
            }
            return out;
        }

        /** Names in a Grafana templating query: label_values(expr, label), query_result(expr); label_values(label) has none. */
        static Set<String> templatingNames(final String query) {
            final String q = query.trim();
            Matcher m = LABEL_VALUES.matcher(q);
            if (m.matches()) {
                return metricNames(m.group(1));
            }
            m = QUERY_RESULT.matcher(q);
            if (m.matches()) {
                return metricNames(m.group(1));
            }
            m = METRICS_FN.matcher(q);
            if (m.matches() || q.startsWith("label_values") || q.startsWith("label_names") || q.isEmpty()) {
                return Set.of();
            }
            return metricNames(q);
        }
    }
}
