package io.tsfm.streams;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The project's tests of its own shape (docs/architecture.md, "Layers"): the domain at the bottom, pure
 * forecasting logic above it, dependencies pointing one way, the service apart from its tools.
 */
@AnalyzeClasses(packages = "io.tsfm.streams", importOptions = ImportOption.DoNotIncludeTests.class)
public class HouseRulesTest {
    static final String DOMAIN = "io.tsfm.streams.domain..";
    /** The pure forecasting logic: no Kafka, HTTP or JSON, driven by the stream and by evaluate alike. */
    static final String[] CORE = {
        "io.tsfm.streams.baseline..",
        "io.tsfm.streams.calibrate..",
        "io.tsfm.streams.score..",
        "io.tsfm.streams.drift..",
        "io.tsfm.streams.context..",
        "io.tsfm.streams.rollout..",
        "io.tsfm.streams.cycle.."
    };

    /** The layers from the bottom up; each may use the ones below it (docs/architecture.md draws them). */
    static final List<Layer> LAYERS = List.of(
            new Layer("Domain", "domain"),
            new Layer("Core", "baseline", "calibrate", "score", "drift", "context", "rollout", "cycle"),
            new Layer("Support", "config", "json"),
            new Layer("Model", "model"),
            new Layer("Stream", "stream", "topology", "tick"),
            new Layer("Ops", "ops", "metrics"),
            new Layer("App", "app"),
            new Layer(
                    "Tools",
                    "cli",
                    "demo",
                    "simulate",
                    "embedded",
                    "forecaster",
                    "evaluate",
                    "bench",
                    "replay",
                    "canary",
                    "slo",
                    "report"));

    /** The top-level packages of the tools, the layer the service artifact leaves out. */
    public static List<String> toolPackages() {
        return List.of(LAYERS.get(LAYERS.size() - 1).packages());
    }

    /** One layer: a name and the top-level packages under io.tsfm.streams that it holds. */
    record Layer(String name, String... packages) {
        String[] patterns() {
            return Arrays.stream(packages)
                    .map(p -> "io.tsfm.streams." + p + "..")
                    .toArray(String[]::new);
        }
    }

    @ArchTest
    static final ArchRule layersPointOneWay = layered();

    private static ArchRule layered() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (final Layer layer : LAYERS) {
            rule = rule.layer(layer.name()).definedBy(layer.patterns());
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            rule = rule.whereLayer(LAYERS.get(i).name())
                    .mayOnlyBeAccessedByLayers(LAYERS.subList(i + 1, LAYERS.size()).stream()
                            .map(Layer::name)
                            .toArray(String[]::new));
        }
        return rule.whereLayer(LAYERS.get(LAYERS.size() - 1).name())
                .mayNotBeAccessedByAnyLayer()
                .because("a change low in the house never has to touch a package above it, and the service never "
                        + "needs its tools");
    }

    @Test
    void theArchitectureDocDrawsTheseLayers() throws Exception {
        final String doc = Files.readString(Path.of("docs/architecture.md"));
        final int at = doc.indexOf("```mermaid", doc.indexOf("## Layers"));
        assertThat(at)
                .as("docs/architecture.md has a Mermaid diagram under '## Layers'")
                .isPositive();
        assertThat(doc.substring(at, doc.indexOf("```", at + 3) + 3))
                .as("docs/architecture.md's layer diagram")
                .isEqualTo(mermaid());
    }

    /** The diagram of {@link #LAYERS}: each layer with its packages, an arrow to the layer it builds on. */
    static String mermaid() {
        final StringBuilder out = new StringBuilder("```mermaid\nflowchart BT\n");
        for (final Layer layer : LAYERS) {
            out.append("  ")
                    .append(layer.name())
                    .append("[\"")
                    .append(layer.name())
                    .append(": ")
                    .append(String.join(", ", layer.packages()))
                    .append("\"]\n");
        }
        for (int i = 1; i < LAYERS.size(); i++) {
            out.append("  ")
                    .append(LAYERS.get(i).name())
                    .append(" --> ")
                    .append(LAYERS.get(i - 1).name())
                    .append('\n');
        }
        return out.append("```").toString();
    }

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.tsfm.streams.(*)..")
            .namingSlices("$1")
            .should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule theDomainImportsNothingButTheJdk = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, "java..")
            .because("the domain's types are shared by every layer and must not pull any of them in");

    @ArchTest
    static final ArchRule theCoreDependsOnTheDomainAndTheJdkOnly = classes()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(concat(CORE, DOMAIN, "java.."))
            .because("forecasting logic is tested directly and runs offline, without Kafka, HTTP or Jackson");

    @ArchTest
    static final ArchRule theMetersImplementTheLayersMeterInterfacesAndUseNothingElseOfThem = classes()
            .that()
            .resideInAPackage("io.tsfm.streams.metrics..")
            .should()
            .onlyDependOnClassesThat(
                    resideInAnyPackage(concat(CORE, "io.tsfm.streams.metrics..", DOMAIN, "io.micrometer..", "java.."))
                            .or(simpleNameEndingWith("Meters")))
            .because("each layer declares the meters it needs (ScoringMeters, ModelCallMeters, StreamMeters ...); the "
                    + "Micrometer implementations above them must not pull in the stream or the model client");

    @ArchTest
    static final ArchRule theLayersBelowOpsNeverImportTheMeters = noClasses()
            .that()
            .resideInAnyPackage(concat(
                    CORE,
                    DOMAIN,
                    "io.tsfm.streams.config..",
                    "io.tsfm.streams.json..",
                    "io.tsfm.streams.model..",
                    "io.tsfm.streams.stream..",
                    "io.tsfm.streams.topology..",
                    "io.tsfm.streams.tick.."))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.tsfm.streams.metrics..")
            .because("the core, the model client and the stream count through the meter interfaces they declare");

    private static String[] concat(final String[] first, final String... more) {
        final String[] out = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }
}
