package io.tsfm.streams.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The repository's docker-compose.yml as the deployment tests read it (Docker does not run on the CI
 * machines): its services and what they declare, parsed from the YAML: mounts, ports, environment, commands.
 */
final class ComposeFile {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Path root;
    static JsonNode compose;
    static JsonNode services;

    private ComposeFile() {}

    /** Finds the repository root above the working folder and reads its docker-compose.yml. */
    static void read() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as(
                        "repository root (a folder with pom.xml) above %s",
                        Path.of("").toAbsolutePath())
                .isNotNull();
        root = dir;
        compose = readYaml(root.resolve("docker-compose.yml"));
        services = compose.path("services");
        assertThat(services.isObject() && services.size() > 0)
                .as("docker-compose.yml has services")
                .isTrue();
    }

    record Mount(String source, String target, boolean bind) {}

    record HostPort(String host, int port) {
        static HostPort parse(final String hostPort) {
            final int colon = hostPort.lastIndexOf(':');
            assertThat(colon).as("host:port in '%s'", hostPort).isPositive();
            return new HostPort(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        }
    }

    static JsonNode readYaml(final Path file) {
        assertThat(file).isRegularFile();
        try {
            final JsonNode node = YAML.readTree(file.toFile());
            assertThat(node).as("%s is not empty", file).isNotNull();
            return node;
        } catch (final IOException e) {
            return fail("%s is not well-formed YAML: %s", file, e.getMessage());
        }
    }

    static JsonNode service(final String name) {
        final JsonNode s = services.get(name);
        assertThat(s).as("service %s in docker-compose.yml", name).isNotNull();
        return s;
    }

    static Set<String> names(final JsonNode mapping) {
        final Set<String> out = new TreeSet<>();
        mapping.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static Path dockerfileOf(final JsonNode build) {
        final String context =
                build.isTextual() ? build.asText() : build.path("context").asText(".");
        final String dockerfile =
                build.isTextual() ? "Dockerfile" : build.path("dockerfile").asText("Dockerfile");
        return root.resolve(context).resolve(dockerfile).normalize();
    }

    /** Services built from this repository's Dockerfile: the service image or the tools image. */
    static Set<String> ourServices() {
        final Set<String> out = new TreeSet<>();
        services.properties().forEach(e -> {
            final JsonNode build = e.getValue().get("build");
            if (build != null && dockerfileOf(build).equals(root.resolve("Dockerfile"))) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    static List<Mount> mounts(final JsonNode service) {
        final List<Mount> out = new ArrayList<>();
        for (final JsonNode v : service.path("volumes")) {
            if (v.isTextual()) {
                final String[] parts = v.asText().split(":", -1);
                if (parts.length == 1) {
                    continue; // anonymous volume
                }
                final String src = parts[0];
                out.add(new Mount(src, parts[1], src.startsWith(".") || src.startsWith("/") || src.startsWith("~")));
            } else {
                final String type = v.path("type").asText("volume");
                out.add(new Mount(v.path("source").asText(), v.path("target").asText(), type.equals("bind")));
            }
        }
        return out;
    }

    /** Bind mounts of a service: host path relative to the repository root -> container path. */
    static Map<String, String> bindTargets(final JsonNode service) {
        final Map<String, String> out = new LinkedHashMap<>();
        for (final Mount m : mounts(service)) {
            if (m.bind()) {
                out.put(
                        root.relativize(root.resolve(m.source()).normalize())
                                .toString()
                                .replace('\\', '/'),
                        m.target());
            }
        }
        return out;
    }

    static String hostIpOf(final JsonNode port) {
        if (port.isObject()) {
            return port.path("host_ip").asText("0.0.0.0");
        }
        final String spec = port.asText();
        if (spec.startsWith("[")) {
            return spec.substring(1, spec.indexOf(']'));
        }
        final String[] parts = spec.split(":", -1);
        return parts.length == 3 ? parts[0] : "0.0.0.0";
    }

    static Set<Integer> containerPorts(final JsonNode service) {
        final Set<Integer> out = new TreeSet<>();
        for (final JsonNode port : service.path("ports")) {
            final String target = port.isObject()
                    ? port.path("target").asText()
                    : port.asText()
                            .substring(port.asText().lastIndexOf(':') + 1)
                            .replaceAll("/.*", "");
            out.add(Integer.parseInt(target));
        }
        return out;
    }

    static Map<String, String> environment(final JsonNode service) {
        final Map<String, String> out = new LinkedHashMap<>();
        final JsonNode env = service.path("environment");
        if (env.isArray()) {
            for (final JsonNode e : env) {
                final String s = e.asText();
                final int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        } else {
            env.properties()
                    .forEach(e -> out.put(
                            e.getKey(),
                            e.getValue().isNull() ? null : e.getValue().asText()));
        }
        return out;
    }

    static List<String> command(final JsonNode service) {
        final JsonNode command = service.path("command");
        if (command.isArray()) {
            final List<String> out = new ArrayList<>();
            command.forEach(c -> out.add(c.asText()));
            return out;
        }
        final String text = command.asText("").trim();
        assertThat(text)
                .as("command (use the list form for quoted arguments)")
                .doesNotContain("\"", "'")
                .isNotEmpty();
        return List.of(text.split("\\s+"));
    }

    static String optionValue(final List<String> args, final String option) {
        final String value = optionValue(args, option, null);
        assertThat(value).as("%s in %s", option, args).isNotNull();
        return value;
    }

    static String optionValue(final List<String> args, final String option, final String fallback) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(option) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith(option + "=")) {
                return args.get(i).substring(option.length() + 1);
            }
        }
        return fallback;
    }

    /** TSFM_TOLLAMA_API_KEY -> tollama.api.key, as ConfigLoader maps the environment. */
    static String envToKey(final String name) {
        return name.substring("TSFM_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The app's configuration as the service's environment makes it (unknown TSFM_ names are ignored there). */
    static AppConfig appConfig(final JsonNode service) {
        final Map<String, String> env = new LinkedHashMap<>(environment(service));
        env.values().removeIf(v -> v == null);
        return ConfigLoader.fromLayers(List.of(), env);
    }
}
