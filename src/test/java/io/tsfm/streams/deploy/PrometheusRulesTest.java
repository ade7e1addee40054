package io.tsfm.streams.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus rules of monitoring/prometheus/rules are valid ({@code promtool check rules}) and behave as
 * their unit tests in monitoring/prometheus/tests say ({@code promtool test rules}); every dashboard query
 * parses. promtool comes from Debian's {@code prometheus} package (.ci/run installs it); without it the
 * promtool tests are skipped. That every metric the rules and dashboards use is really exported is
 * MonitoringMetricsIT's job.
 */
class PrometheusRulesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SEVERITIES = Set.of("critical", "warning");
    private static final Set<String> CATEGORIES =
            Set.of("canary_rollback", "canary_gate", "operations", "calibration", "rollout", "slo");

    private static Path root;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (a folder with pom.xml)").isNotNull();
        root = dir;
    }

    private static List<Path> files(final String dir, final String suffix) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve(dir))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    private static boolean promtoolOnPath() {
        final String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (final String dir : path.split(File.pathSeparator, -1)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "promtool"))) {
                return true;
            }
        }
        return false;
    }

    private static void assumePromtool() {
        Assumptions.assumeTrue(promtoolOnPath(), "promtool not installed: apt-get install prometheus");
    }

    /** Runs promtool in the repository root; returns exit code and output (stdout and stderr). */
    private static Result promtool(final List<String> args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(args);
        final Process p = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        final byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("promtool " + args + " did not finish in 2 minutes");
        }
        return new Result(p.exitValue(), String.join(" ", command) + "\n" + new String(out, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {}

    private static List<String> relative(final List<Path> paths) {
        return paths.stream().map(p -> root.relativize(p).toString()).toList();
    }

    @Test
    void promtoolChecksTheRuleFiles() throws Exception {
        assumePromtool();
        final List<Path> rules = files("monitoring/prometheus/rules", ".yml");
        assertThat(relative(rules))
                .contains(
                        "monitoring/prometheus/rules/tsfm-recording.yml",
                        "monitoring/prometheus/rules/tsfm-alerts.yml");
        final List<String> args = new ArrayList<>(List.of("check", "rules"));
        args.addAll(relative(rules));
        final Result r = promtool(args);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void promtoolUnitTestsOfTheRulesPass() throws Exception {
        assumePromtool();
        final List<Path> tests = files("monitoring/prometheus/tests", ".yml");
        assertThat(tests).as("promtool tests in monitoring/prometheus/tests").isNotEmpty();
        final List<String> args = new ArrayList<>(List.of("test", "rules"));
        args.addAll(relative(tests));
        final Result r = promtool(args);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("FAILED");
    }

    /** Every alert of the rule files has a unit test that names it, so none goes untested. */
    @Test
    void everyAlertIsExercisedByAPromtoolTest() throws IOException {
        final StringBuilder tests = new StringBuilder();
        for (final Path t : files("monitoring/prometheus/tests", ".yml")) {
            tests.append(Files.readString(t));
        }
        for (final String alert :
                alerts().stream().map(a -> a.path("alert").asText()).toList()) {
            assertThat(tests.toString())
                    .as("a promtool test of alert %s", alert)
                    .contains("alertname: " + alert + "\n");
        }
    }

    private static List<JsonNode> alerts() throws IOException {
        final List<JsonNode> out = new ArrayList<>();
        for (final Path f : files("monitoring/prometheus/rules", ".yml")) {
            for (final JsonNode group : YAML.readTree(f.toFile()).path("groups")) {
                for (final JsonNode rule : group.path("rules")) {
                    if (rule.has("alert")) {
                        out.add(rule);
                    }
                }
            }
        }
        return out;
    }

    /** The labels and annotations alert routing and the runbook rely on; runs without promtool. */
    @Test
    void everyAlertHasSeverityCategoryAndAnnotationsAndKeepsRolloutStage() throws IOException {
        final List<JsonNode> alerts = alerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(9);
        for (final JsonNode a : alerts) {
            final String name = a.path("alert").asText();
            assertThat(a.path("labels").path("severity").asText())
                    .as("severity of %s", name)
                    .isIn(SEVERITIES);
            assertThat(a.path("labels").path("category").asText())
                    .as("category of %s", name)
                    .isIn(CATEGORIES);
            assertThat(a.path("annotations").path("summary").asText())
                    .as("summary of %s", name)
                    .isNotBlank();
            assertThat(a.path("annotations").path("description").asText())
                    .as("description of %s", name)
                    .isNotBlank();
            final String expr = a.path("expr").asText();
            // the alert's series keep rollout_stage: a recording rule aggregated by it (its name starts with
            // rollout_stage, e.g. rollout_stage_runtime:...), or an aggregation by it
            assertThat(expr.matches("(?s)[\\s(]*rollout_stage[a-z_]*:.*") || expr.contains("by (rollout_stage"))
                    .as("%s keeps the rollout_stage label: %s", name, expr)
                    .isTrue();
        }
    }

    /** Each dashboard query, with Grafana's variables replaced, parses as PromQL (as a recording rule). */
    @Test
    void everyDashboardQueryParses() throws Exception {
        assumePromtool();
        final ObjectNode rules = YAML.createObjectNode();
        final ArrayNode list = rules.putArray("groups")
                .addObject()
                .put("name", "dashboard-queries")
                .putArray("rules");
        int n = 0;
        for (final Path dashboard : files("monitoring/grafana/dashboards", ".json")) {
            final List<String> exprs = new ArrayList<>();
            collectExprs(JSON.readTree(dashboard.toFile()), exprs);
            assertThat(exprs).as("queries of %s", dashboard.getFileName()).isNotEmpty();
            for (final String expr : exprs) {
                final String promql = expr.replace("$__rate_interval", "1m")
                        .replace("$__interval", "1m")
                        .replaceAll("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?", ".*");
                list.addObject().put("record", "dashboard_query_" + n++).put("expr", promql);
            }
        }
        final Path file = tmp.resolve("dashboard-queries.yml");
        YAML.writeValue(file.toFile(), rules);
        final Result r = promtool(List.of("check", "rules", file.toString()));
        assertThat(r.exit()).as(r.output() + "\n" + Files.readString(file)).isZero();
    }

    private static void collectExprs(final JsonNode node, final List<String> out) {
        if (node.isObject()) {
            final JsonNode expr = node.get("expr");
            if (expr != null && expr.isTextual()) {
                out.add(expr.asText());
            }
            node.forEach(child -> collectExprs(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectExprs(child, out));
        }
    }
}
