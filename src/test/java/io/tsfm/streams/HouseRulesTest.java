package io.tsfm.streams;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * The project's tests of its own shape (docs/architecture.md, "Layers"): the domain at the bottom, pure
 * forecasting logic above it, the service apart from its tools. Rules are added as the code reaches them.
 */
@AnalyzeClasses(packages = "io.tsfm.streams", importOptions = ImportOption.DoNotIncludeTests.class)
class HouseRulesTest {
    /** The pure forecasting logic: no Kafka, HTTP or JSON, driven by the stream and by evaluate alike. */
    static final String[] CORE = {"io.tsfm.streams.baseline..", "io.tsfm.streams.calibrate..",
        "io.tsfm.streams.score..", "io.tsfm.streams.drift..", "io.tsfm.streams.context..", "io.tsfm.streams.rollout.."};
    /** The commands and their helpers: they may use the service, never the other way round. */
    static final String[] TOOLS = {"io.tsfm.streams.cli..", "io.tsfm.streams.demo..", "io.tsfm.streams.simulate..",
        "io.tsfm.streams.embedded..", "io.tsfm.streams.forecaster..", "io.tsfm.streams.evaluate..",
        "io.tsfm.streams.bench..", "io.tsfm.streams.replay..", "io.tsfm.streams.canary.."};

    @ArchTest
    static final ArchRule theDomainImportsNothingButTheJdk = classes().that().resideInAPackage("io.tsfm.streams.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.tsfm.streams.domain..", "java..")
            .because("the domain's types are shared by every layer and must not pull any of them in");

    @ArchTest
    static final ArchRule theCoreDependsOnTheDomainAndTheJdkOnly = classes().that().resideInAnyPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(CORE, "io.tsfm.streams.domain..", "java.."))
            .because("forecasting logic is tested directly and runs offline, without Kafka, HTTP or Jackson");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.tsfm.streams.(*)..").namingSlices("$1")
            .should().beFreeOfCycles()
            .because("dependencies point one way: a change low in the house never has to touch a package above it");

    @ArchTest
    static final ArchRule theConfigurationKnowsOnlyTheSettingsItBuilds = noClasses()
            .that().resideInAPackage("io.tsfm.streams.config..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tsfm.streams.stream..", "io.tsfm.streams.topology..",
                    "io.tsfm.streams.stream..", "io.tsfm.streams.tick..", "io.tsfm.streams.model..",
                    "io.tsfm.streams.ops..", "io.tsfm.streams.app..")
            .because("settings are read by every layer: the configuration must not pull the service in");

    @ArchTest
    static final ArchRule theMetricsSitBelowEverythingThatCounts = classes().that().resideInAPackage("io.tsfm.streams.metrics..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(CORE, "io.tsfm.streams.metrics..",
                    "io.tsfm.streams.domain..", "io.micrometer..", "java.."))
            .because("the stream, the model client and the API all count: their meters must not pull any of them in");

    @ArchTest
    static final ArchRule theOpsServerIsAboveTheStreamAndTheModelClient = noClasses().that().resideInAnyPackage(
                    "io.tsfm.streams.stream..", "io.tsfm.streams.topology..", "io.tsfm.streams.stream..",
                    "io.tsfm.streams.tick..", "io.tsfm.streams.model..", "io.tsfm.streams.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tsfm.streams.ops..", "io.tsfm.streams.app..")
            .because("the ops endpoints read the stream's stores and call the model; nothing below calls them");

    @ArchTest
    static final ArchRule theServiceNeverUsesItsTools = noClasses().that().resideOutsideOfPackages(TOOLS)
            .should().dependOnClassesThat().resideInAnyPackage(TOOLS)
            .because("the service ships without the demo, the broker, the local forecaster and the offline tools");

    private static String[] concat(final String[] first, final String... more) {
        final String[] out = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }
}
