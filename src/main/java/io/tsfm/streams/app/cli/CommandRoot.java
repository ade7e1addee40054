package io.tsfm.streams.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command of a jar: without a subcommand, the usage and exit code 2 (picocli's convention). */
public abstract class CommandRoot implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: one of " + spec.subcommands().keySet());
    }
}
