package io.tsfm.streams.deploy;

import static io.tsfm.streams.deploy.ComposeFile.command;
import static io.tsfm.streams.deploy.ComposeFile.ourServices;
import static io.tsfm.streams.deploy.ComposeFile.root;
import static io.tsfm.streams.deploy.ComposeFile.service;
import static io.tsfm.streams.deploy.DockerComposeConsistencyTest.APP_SERVICE;
import static io.tsfm.streams.deploy.DockerComposeConsistencyTest.firstGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.app.cli.ServiceMain;
import io.tsfm.streams.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Dockerfile against the build and docker-compose.yml (Docker does not run on the CI machines): the
 * service image runs the service jar's {@code run}, the tools image the all-in-one jar, each as a non-root
 * user on the JRE the pom compiles for, and every compose service's command parses in the jar it runs.
 */
class DockerfileConsistencyTest {
    static final String SERVICE_JAR = "tsfm-streams-service.jar";
    static final String ALL_IN_ONE_JAR = "tsfm-streams.jar";

    @BeforeAll
    static void readCompose() throws IOException {
        DockerComposeConsistencyTest.readCompose();
    }

    @Test
    void commandsAreRegisteredSubcommandsWithValidOptions() {
        final Dockerfile dockerfile = Dockerfile.read(root.resolve("Dockerfile"));
        final Set<String> used = new HashSet<>();
        for (final String name : ourServices()) {
            final JsonNode service = service(name);
            final Dockerfile.Stage stage =
                    dockerfile.target(service.path("build").path("target").asText(null));
            final Supplier<CommandLine> commands = commandsOf(jarOf(dockerfile, stage));
            final List<String> defaultCommand = dockerfile.jsonArgs(stage, "CMD");
            assertThat(service.has("entrypoint"))
                    .as("service %s keeps the image's java -jar entrypoint", name)
                    .isFalse();
            final List<String> args = service.has("command") ? command(service) : defaultCommand;
            assertThat(commands.get().getSubcommands().keySet())
                    .as("subcommand of service %s", name)
                    .contains(args.get(0));
            assertThatCode(() -> commands.get().parseArgs(args.toArray(String[]::new)))
                    .as("arguments of service %s: %s", name, args)
                    .doesNotThrowAnyException();
            used.add(args.get(0));
        }
        assertThat(used).contains("run", "forecaster", "simulate");
        assertThat(command(service(APP_SERVICE))).startsWith("run");
        assertThat(service(APP_SERVICE).path("build").path("target").asText(null))
                .as("the app runs the default (last) stage: the service jar")
                .isNull();
        assertThat(jarOf(dockerfile, dockerfile.target(null))).isEqualTo(SERVICE_JAR);
        assertThat(dockerfile.jsonArgs(dockerfile.target(null), "CMD")).containsExactly("run");
    }

    /** The jar a stage's ENTRYPOINT runs, as its file name. */
    static String jarOf(final Dockerfile dockerfile, final Dockerfile.Stage stage) {
        final List<String> entrypoint = dockerfile.jsonArgs(stage, "ENTRYPOINT");
        assertThat(entrypoint).as("ENTRYPOINT of stage %s", stage.name()).contains("-jar");
        final String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        return jar.substring(jar.lastIndexOf('/') + 1);
    }

    /** The command line of a jar the pom builds: the service's or the all-in-one's. */
    static Supplier<CommandLine> commandsOf(final String jar) {
        if (jar.equals(SERVICE_JAR)) {
            return () -> new CommandLine(new ServiceMain());
        }
        assertThat(jar).as("a jar the pom builds").isEqualTo(ALL_IN_ONE_JAR);
        return () -> new CommandLine(new Main());
    }

    @Test
    void theDockerfileRunsTheJarsItCopiesAsANonRootUser() throws IOException {
        final Dockerfile dockerfile = Dockerfile.read(root.resolve("Dockerfile"));
        final String pom = Files.readString(root.resolve("pom.xml"));
        final String finalName = firstGroup(pom, "<finalName>\\s*([^<]+?)\\s*</finalName>");
        assertThat(ALL_IN_ONE_JAR).isEqualTo(finalName + ".jar");
        assertThat(pom).contains("<outputFile>${project.build.directory}/" + SERVICE_JAR + "</outputFile>");
        final String release = firstGroup(pom, "<maven.compiler.release>(\\d+)<");
        final Set<String> jars = new HashSet<>();
        for (final Dockerfile.Stage stage : dockerfile.stages()) {
            if (dockerfile.all(stage, "ENTRYPOINT").isEmpty()) {
                continue; // the build stage and the shared runtime base
            }
            final List<String> entrypoint = dockerfile.jsonArgs(stage, "ENTRYPOINT");
            final String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
            final Map<String, String> copied = new LinkedHashMap<>(); // destination file -> source
            for (final List<String> copy : dockerfile.all(stage, "COPY")) {
                final String dest = copy.get(copy.size() - 1);
                for (final String src : copy.subList(0, copy.size() - 1)) {
                    copied.put(dest.endsWith("/") ? dest + src.substring(src.lastIndexOf('/') + 1) : dest, src);
                }
            }
            assertThat(copied).as("files stage %s copies", stage.name()).containsKey(jar);
            assertThat(copied.get(jar))
                    .as("source of %s (a jar the pom builds)", jar)
                    .endsWith("target/" + jar.substring(jar.lastIndexOf('/') + 1));
            jars.add(jarOf(dockerfile, stage));
            final List<String> users =
                    dockerfile.all(stage, "USER").stream().map(u -> u.get(0)).toList();
            assertThat(users).as("USER of stage %s", stage.name()).isNotEmpty();
            assertThat(users.get(users.size() - 1))
                    .as("USER of stage %s", stage.name())
                    .isNotIn("root", "0", "0:0", "root:root");
            assertThat(dockerfile.baseImage(stage))
                    .as("runtime image of stage %s", stage.name())
                    .startsWith("eclipse-temurin:" + release);
        }
        assertThat(jars).containsExactlyInAnyOrder(SERVICE_JAR, ALL_IN_ONE_JAR);
    }

    @Test
    void theDockerignoreKeepsWhatTheBuildNeeds() throws IOException {
        final List<String> ignored = Files.readAllLines(root.resolve(".dockerignore")).stream()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.replaceAll("^/|/$", ""))
                .toList();
        assertThat(ignored).contains("target", ".git").doesNotContain("pom.xml", "src", "*", "**");
    }
}
