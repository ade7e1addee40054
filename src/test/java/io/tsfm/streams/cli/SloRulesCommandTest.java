package io.tsfm.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** slo-rules as operators run it: regenerate, check for staleness, one-line errors with exit codes. */
class SloRulesCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine cl = new CommandLine(new SloRulesCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void theCheckedInRulesAreUpToDate() {
        assertThat(run("--check")).isZero();
        assertThat(out.toString()).contains("monitoring/prometheus/rules/tsfm-slo.yml is up to date");
    }

    @Test
    void aStaleRulesFileFailsTheCheckAndIsRewrittenWithoutIt() throws Exception {
        final Path rules = tmp.resolve("slo.yml");
        Files.writeString(rules, "groups: []\n");

        assertThat(run("--check", "--out", rules.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("is stale: run slo-rules");
        assertThat(run("--out", rules.toString())).isZero();
        assertThat(Files.readString(rules))
                .isEqualTo(Files.readString(Path.of("monitoring/prometheus/rules/tsfm-slo.yml")));
    }

    @Test
    void aMissingSpecIsOneLineAndExitCodeTwo() {
        assertThat(run("--spec", tmp.resolve("none.yml").toString(), "--out", "-"))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("slo-rules: no such spec file: " + tmp.resolve("none.yml") + "\n");
    }

    @Test
    void aSpecThatIsNotValidNamesTheFieldInOneLine() throws Exception {
        final Path spec = tmp.resolve("bad.yml");
        Files.writeString(spec, "period: 28d\nslos:\n  - name: x\n    objective: 2\n");

        assertThat(run("--spec", spec.toString(), "--out", "-")).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("slo-rules: " + spec
                        + ": slo x: objective must be a number between 0 and 1 (0.995 for 99.5 %)\n");
    }
}
