package io.tsfm.streams.deploy;

import static io.tsfm.streams.config.ConfigLoader.isKafkaKey;
import static io.tsfm.streams.deploy.ComposeFile.appConfig;
import static io.tsfm.streams.deploy.ComposeFile.bindTargets;
import static io.tsfm.streams.deploy.ComposeFile.command;
import static io.tsfm.streams.deploy.ComposeFile.compose;
import static io.tsfm.streams.deploy.ComposeFile.containerPorts;
import static io.tsfm.streams.deploy.ComposeFile.dockerfileOf;
import static io.tsfm.streams.deploy.ComposeFile.envToKey;
import static io.tsfm.streams.deploy.ComposeFile.environment;
import static io.tsfm.streams.deploy.ComposeFile.hostIpOf;
import static io.tsfm.streams.deploy.ComposeFile.mounts;
import static io.tsfm.streams.deploy.ComposeFile.names;
import static io.tsfm.streams.deploy.ComposeFile.optionValue;
import static io.tsfm.streams.deploy.ComposeFile.ourServices;
import static io.tsfm.streams.deploy.ComposeFile.readYaml;
import static io.tsfm.streams.deploy.ComposeFile.root;
import static io.tsfm.streams.deploy.ComposeFile.service;
import static io.tsfm.streams.deploy.ComposeFile.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsfm.streams.app.TopicSetup;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.config.ConfigKeys;
import io.tsfm.streams.config.ConfigLoader;
import io.tsfm.streams.deploy.ComposeFile.HostPort;
import io.tsfm.streams.deploy.ComposeFile.Mount;
import io.tsfm.streams.forecaster.model.ModelRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Docker does not run on the CI machines, so docker-compose.yml, the Dockerfile and the monitoring
 * configuration are checked here instead: that they parse, and that they agree with each other and with
 * the code (settings, subcommands, topics, ports, mounted files).
 */
class DockerComposeConsistencyTest {

    /** Port of the ops HTTP server (/metrics) of {@code run}: the default of {@code ops.port}. */
    static final int OPS_PORT = (Integer) AppConfig.DEFINITION.defaultValues().get(ConfigKeys.OPS_PORT);

    static final String APP_SERVICE = "tsfm-streams";
    static final Set<String> LOOPBACK = Set.of("127.0.0.1");
    static final Pattern KAFKA_IMAGE = Pattern.compile("apache/kafka:4\\.\\d+\\.\\d+");
    /** Container targets that are single files: their host path must be a file, not a directory. */
    static final Pattern FILE_TARGET = Pattern.compile(".*\\.(ya?ml|json|properties|conf|ini)$");

    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void readCompose() {
        ComposeFile.read();
    }

    // ---------------------------------------------------------------- services, images, mounts, ports

    @Test
    void everyServiceHasAnImageOrABuildWithAnExistingDockerfile() {
        services.properties().forEach(e -> {
            final JsonNode build = e.getValue().get("build");
            if (build == null) {
                assertThat(e.getValue().path("image").asText(""))
                        .as("service %s has neither build nor image", e.getKey())
                        .isNotBlank();
            } else {
                assertThat(dockerfileOf(build))
                        .as("Dockerfile of service %s", e.getKey())
                        .isRegularFile();
            }
        });
        assertThat(ourServices())
                .as("services built from the repository's Dockerfile")
                .contains(APP_SERVICE, "forecaster", "simulator");
    }

    @Test
    void dependenciesAndNamedVolumesAreDeclared() {
        final Set<String> declaredVolumes = names(compose.path("volumes"));
        services.properties().forEach(e -> {
            final JsonNode dependsOn = e.getValue().path("depends_on");
            final List<String> deps = new ArrayList<>();
            if (dependsOn.isArray()) {
                dependsOn.forEach(d -> deps.add(d.asText()));
            } else {
                dependsOn.fieldNames().forEachRemaining(deps::add);
            }
            assertThat(names(services)).as("depends_on of %s", e.getKey()).containsAll(deps);
            for (final Mount m : mounts(e.getValue())) {
                if (!m.bind()) {
                    assertThat(declaredVolumes)
                            .as("named volume %s of %s is declared under volumes:", m.source(), e.getKey())
                            .contains(m.source());
                }
            }
        });
    }

    @Test
    void everyBindMountedHostPathExistsInTheRepository() {
        final List<Mount> binds = new ArrayList<>();
        services.properties()
                .forEach(e -> mounts(e.getValue()).stream().filter(Mount::bind).forEach(binds::add));
        assertThat(binds).as("bind mounts").isNotEmpty();
        for (final Mount m : binds) {
            final Path host = root.resolve(m.source()).normalize();
            assertThat(host.startsWith(root))
                    .as("bind mount %s stays inside the repository", m.source())
                    .isTrue();
            assertThat(host)
                    .as("host path of bind mount %s -> %s", m.source(), m.target())
                    .exists();
            if (FILE_TARGET.matcher(m.target()).matches()) {
                assertThat(host)
                        .as("%s is mounted as the file %s", m.source(), m.target())
                        .isRegularFile();
            } else {
                assertThat(host)
                        .as("%s is mounted as the folder %s", m.source(), m.target())
                        .isDirectory();
            }
        }
    }

    @Test
    void everyPublishedPortIsBoundToLoopback() {
        services.properties().forEach(e -> {
            assertThat(e.getValue().path("network_mode").asText(""))
                    .as("network_mode of %s", e.getKey())
                    .isNotEqualTo("host");
            for (final JsonNode port : e.getValue().path("ports")) {
                assertThat(hostIpOf(port))
                        .as("published port %s of service %s", port, e.getKey())
                        .isIn(LOOPBACK);
            }
        });
    }

    // ---------------------------------------------------------------- the application's settings

    @Test
    void tsfmEnvironmentVariablesAreRealSettingsWithValidValues() {
        final Map<String, String> env = environment(service(APP_SERVICE));
        final Map<String, String> settings = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (!name.startsWith("TSFM_")) {
                return;
            }
            final String key = envToKey(name);
            assertThat(AppConfig.DEFINITION.names().contains(key) || isKafkaKey(key))
                    .as(
                            "%s maps to %s, which is neither a tsfm-streams setting nor a Kafka Streams/client property",
                            name, key)
                    .isTrue();
            settings.put(key, value);
        });
        assertThat(settings).as("TSFM_ settings of %s", APP_SERVICE).isNotEmpty();
        // as a properties file: unknown keys and bad values fail, exactly as they would at start-up
        assertThatCode(() -> ConfigLoader.fromLayers(List.of(settings), Map.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void theAppReachesKafkaTheForecasterAndItsTopics() {
        final JsonNode app = service(APP_SERVICE);
        final AppConfig config = appConfig(app);

        // Kafka: the broker's service name and advertised listener
        final String bootstrap = config.getString("bootstrap.servers");
        final HostPort broker = HostPort.parse(bootstrap);
        assertThat(names(services)).as("bootstrap.servers host").contains(broker.host());
        final String advertised = environment(service(broker.host())).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        assertThat(advertised).as("advertised listeners of %s", broker.host()).contains("//" + bootstrap);

        // tollama: a service of this file; when it is our forecaster, its port and models
        final URI tollama = URI.create(config.getString("tollama.url"));
        assertThat(names(services)).as("tollama.url host").contains(tollama.getHost());
        final List<String> forecaster = command(service(tollama.getHost()));
        if (ourServices().contains(tollama.getHost())) {
            assertThat(forecaster).as("command of %s", tollama.getHost()).startsWith("forecaster");
            assertThat(optionValue(forecaster, "--host"))
                    .as("forecaster bind address")
                    .isEqualTo("0.0.0.0");
            assertThat(optionValue(forecaster, "--port"))
                    .as("forecaster port")
                    .isEqualTo(String.valueOf(tollama.getPort()));
            assertThat(ModelRegistry.defaults().names())
                    .as("models of the local forecaster")
                    .contains(config.getString("tollama.model"));
        }

        // topics: the one-shot topics service creates exactly the ones the app checks at start-up
        final String topics = environment(service("topics")).getOrDefault("TOPICS", "");
        assertThat(new TreeSet<>(Arrays.asList(topics.trim().split("\\s+"))))
                .as("TOPICS of the topics service")
                .isEqualTo(new TreeSet<>(TopicSetup.topics(config)));
        final List<String> simulate = command(service("simulator"));
        assertThat(simulate).startsWith("simulate");
        assertThat(optionValue(simulate, "--bootstrap-servers"))
                .as("simulator --bootstrap-servers")
                .isEqualTo(bootstrap);
        assertThat(optionValue(simulate, "--topic", "market-ticks"))
                .as("simulator --topic")
                .isEqualTo(config.getString("topic.ticks"));

        // state.dir lives on a named volume
        final String stateDir = (String) config.kafkaProperties().get(StreamsConfig.STATE_DIR_CONFIG);
        assertThat(stateDir).as("state.dir of %s", APP_SERVICE).isNotBlank();
        assertThat(mounts(app)).as("volumes of %s", APP_SERVICE).anySatisfy(m -> {
            assertThat(m.bind()).isFalse();
            assertThat(m.target()).isEqualTo(stateDir);
        });

        // the ops port is published for Prometheus and the host
        assertThat(containerPorts(app))
                .as("container ports published by %s", APP_SERVICE)
                .contains(OPS_PORT);
    }

    @Test
    void theKafkaBrokerIsASingleNodeApacheKafka4() {
        final JsonNode kafka = service("kafka");
        assertThat(kafka.path("image").asText()).as("kafka image").matches(KAFKA_IMAGE);
        services.properties().forEach(e -> {
            final String image = e.getValue().path("image").asText("");
            if (image.startsWith("apache/kafka")) {
                assertThat(image)
                        .as("image of %s", e.getKey())
                        .isEqualTo(kafka.path("image").asText());
            }
        });
        final Map<String, String> env = environment(kafka);
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        // exactly_once_v2 (the default guarantee) needs the transaction log on a single broker
        for (final String rf : List.of(
                "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertThat(env.get(rf)).as(rf).isEqualTo("1");
        }
        assertThat(kafka.path("healthcheck").path("test").toString())
                .as("kafka healthcheck")
                .contains("kafka-topics.sh");
        assertThat(service("topics")
                        .path("depends_on")
                        .path("kafka")
                        .path("condition")
                        .asText())
                .isEqualTo("service_healthy");
        assertThat(service(APP_SERVICE)
                        .path("depends_on")
                        .path("topics")
                        .path("condition")
                        .asText())
                .isEqualTo("service_completed_successfully");
    }

    // ---------------------------------------------------------------- Prometheus and Grafana

    @Test
    void prometheusScrapesTheOpsPortOfTheApp() {
        final JsonNode prometheus = readYaml(root.resolve("monitoring/prometheus/prometheus.yml"));
        final Map<String, String> mountedAt = bindTargets(service("prometheus"));
        assertThat(mountedAt)
                .as("prometheus mounts")
                .containsEntry("monitoring/prometheus/prometheus.yml", "/etc/prometheus/prometheus.yml");
        final String rulesDir = mountedAt.get("monitoring/prometheus/rules");
        assertThat(rulesDir).as("mount of monitoring/prometheus/rules").isNotNull();
        for (final JsonNode ruleFile : prometheus.path("rule_files")) {
            assertThat(ruleFile.asText()).as("rule_files entry").startsWith(rulesDir + "/");
        }

        JsonNode job = null;
        for (final JsonNode scrape : prometheus.path("scrape_configs")) {
            if (APP_SERVICE.equals(scrape.path("job_name").asText())) {
                job = scrape;
            }
            for (final JsonNode sc : scrape.path("static_configs")) {
                for (final JsonNode target : sc.path("targets")) {
                    final String host = HostPort.parse(target.asText()).host();
                    if (!host.equals("localhost")) {
                        assertThat(names(services))
                                .as("scrape target %s", target.asText())
                                .contains(host);
                    }
                }
            }
        }
        assertThat(job).as("scrape job %s", APP_SERVICE).isNotNull();
        assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo("/metrics");
        final List<String> targets = new ArrayList<>();
        job.path("static_configs").forEach(sc -> sc.path("targets").forEach(t -> targets.add(t.asText())));
        assertThat(targets).containsExactly(APP_SERVICE + ":" + OPS_PORT);
    }

    @Test
    void prometheusRuleFilesAreWellFormed() throws IOException {
        for (final Path file : files(root.resolve("monitoring/prometheus/rules"), ".yml", ".yaml")) {
            assertThat(readYaml(file).path("groups").isArray())
                    .as("%s has a groups: list", file)
                    .isTrue();
        }
    }

    @Test
    void grafanaProvisionsThePrometheusDatasourceAndTheDashboardFolder() throws IOException {
        final Map<String, String> mountedAt = bindTargets(service("grafana"));
        final String provisioning = mountedAt.get("monitoring/grafana/provisioning");
        final String dashboardsDir = mountedAt.get("monitoring/grafana/dashboards");
        assertThat(provisioning).isEqualTo("/etc/grafana/provisioning");
        assertThat(dashboardsDir).isNotNull();

        for (final Path file : files(root.resolve("monitoring/grafana/provisioning"), ".yml", ".yaml")) {
            assertThat(readYaml(file).isObject())
                    .as("%s is a YAML mapping", file)
                    .isTrue();
        }

        final JsonNode datasources =
                readYaml(root.resolve("monitoring/grafana/provisioning/datasources/prometheus.yml"));
        final Set<String> promUids = new HashSet<>();
        for (final JsonNode ds : datasources.path("datasources")) {
            if ("prometheus".equals(ds.path("type").asText())) {
                promUids.add(ds.path("uid").asText());
                final URI url = URI.create(ds.path("url").asText());
                assertThat(names(services)).as("datasource url %s", url).contains(url.getHost());
            }
        }
        assertThat(promUids).as("uids of the Prometheus datasources").contains("prometheus");

        final JsonNode providers = readYaml(root.resolve("monitoring/grafana/provisioning/dashboards/dashboards.yml"));
        final List<String> paths = new ArrayList<>();
        providers
                .path("providers")
                .forEach(p -> paths.add(p.path("options").path("path").asText()));
        assertThat(paths).as("dashboard provider paths").contains(dashboardsDir);

        // dashboards added later must name a provisioned Prometheus datasource (or a ${variable})
        for (final Path file : files(root.resolve("monitoring/grafana/dashboards"), ".json")) {
            final List<String> refs = new ArrayList<>();
            collectPrometheusUids(JSON.readTree(file.toFile()), refs);
            for (final String uid : refs) {
                if (!uid.startsWith("$")) {
                    assertThat(promUids)
                            .as("datasource uid %s in %s", uid, file.getFileName())
                            .contains(uid);
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static String firstGroup(final String text, final String regex) {
        final Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in pom.xml", regex).isTrue();
        return m.group(1);
    }

    static List<Path> files(final Path dir, final String... suffixes) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes)
                            .anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        }
    }

    static void collectPrometheusUids(final JsonNode node, final List<String> out) {
        if (node.isObject()) {
            final JsonNode ds = node.get("datasource");
            if (ds != null
                    && ds.isObject()
                    && "prometheus".equals(ds.path("type").asText())
                    && ds.hasNonNull("uid")) {
                out.add(ds.get("uid").asText());
            }
            node.elements().forEachRemaining(child -> collectPrometheusUids(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectPrometheusUids(child, out));
        }
    }
}
