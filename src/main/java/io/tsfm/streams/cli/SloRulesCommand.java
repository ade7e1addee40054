package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.slo.SloRules;
import io.tsfm.streams.slo.SloSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tsfm-streams slo-rules}: the Prometheus rules of the service-level objectives, generated from their
 * spec (monitoring/slo.yml) so that objectives are data and the rules never drift from them. Exit codes: 0
 * written (or up to date with --check), 1 stale with --check, 2 a bad spec or path.
 */
@Command(
        name = "slo-rules",
        mixinStandardHelpOptions = true,
        description = {
            "Generate the SLO recording rules and burn-rate alerts (docs/operations.md, \"Service-level "
                    + "objectives\") from the SLO spec.",
            "Run from the repository root, the defaults rewrite monitoring/prometheus/rules/tsfm-slo.yml."
        })
public final class SloRulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--spec",
            paramLabel = "FILE",
            defaultValue = "monitoring/slo.yml",
            description = "The SLO spec (default: ${DEFAULT-VALUE}).")
    Path specFile;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "monitoring/prometheus/rules/tsfm-slo.yml",
            description = "The rules file to write (default: ${DEFAULT-VALUE}); - prints it.")
    String out;

    @Option(names = "--check", description = "Write nothing; exit 1 when --out differs from what the spec generates.")
    boolean check;

    @Override
    public Integer call() {
        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter stdout = spec.commandLine().getOut();
        final String rules;
        try {
            rules = SloRules.of(SloSpec.read(specFile), specFile.toString().replace('\\', '/'));
        } catch (final NoSuchFileException e) {
            err.println("slo-rules: no such spec file: " + specFile);
            return ExitCodes.CONFIG;
        } catch (final SloSpec.InvalidSpec e) {
            err.println("slo-rules: " + specFile + ": " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (final IOException e) {
            err.println("slo-rules: cannot read " + specFile + ": " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        if ("-".equals(out) && check) {
            err.println("slo-rules: --check needs a file to compare with, not --out -");
            return ExitCodes.CONFIG;
        }
        if ("-".equals(out)) {
            stdout.print(rules);
            stdout.flush();
            return ExitCodes.OK;
        }
        final Path target = Path.of(out);
        try {
            if (check) {
                final boolean same = Files.isRegularFile(target)
                        && Files.readString(target, StandardCharsets.UTF_8).equals(rules);
                stdout.println("slo-rules: " + target + (same ? " is up to date" : " is stale: run slo-rules"));
                return same ? ExitCodes.OK : ExitCodes.FAILED;
            }
            Files.writeString(target, rules, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            err.println("slo-rules: cannot " + (check ? "read " : "write ") + target + ": " + e);
            return ExitCodes.CONFIG;
        }
        stdout.println("slo-rules: wrote " + target + " from " + specFile);
        return ExitCodes.OK;
    }
}
