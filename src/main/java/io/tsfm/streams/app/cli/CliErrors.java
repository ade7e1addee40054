package io.tsfm.streams.app.cli;

import java.net.BindException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What a command that fails with an exception prints: one line and an exit code, never a stack trace (that
 * goes to the log at DEBUG). A bad setting is exit 2 naming the key, a port already taken is exit 2 naming
 * the port, anything else exit 1 with its message.
 */
public final class CliErrors implements IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleExecutionException(final Exception e, final CommandLine command, final ParseResult parsed) {
        final String name = command.getCommandName();
        LOG.debug("{} failed", name, e);
        final ConfigException config = find(e, ConfigException.class);
        if (config != null) {
            command.getErr().println("Configuration error: " + config.getMessage());
            return ExitCodes.CONFIG;
        }
        final BindException bind = find(e, BindException.class);
        if (bind != null) {
            // the outermost message names the server and its address, the BindException says why
            final String where = e == bind ? "cannot listen" : message(e);
            command.getErr()
                    .println(name + ": " + where + ": " + bind.getMessage() + "; choose another port (" + portHint(name)
                            + ")");
            return ExitCodes.CONFIG;
        }
        command.getErr().println(name + " failed: " + message(e));
        return ExitCodes.FAILED;
    }

    /** How the command's port is chosen; 0 picks a free one everywhere. */
    private static String portHint(final String command) {
        return switch (command) {
            case "demo" -> "--ops-port 0 picks a free one";
            case "run" -> "ops.port=0 or TSFM_OPS_PORT=0 picks a free one";
            default -> "--port 0 picks a free one";
        };
    }

    /** The first message of the chain that says something of its own (not just its cause's toString). */
    private static String message(final Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null
                    && (t.getCause() == null
                            || !t.getMessage().equals(t.getCause().toString()))) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static <T extends Throwable> T find(final Throwable e, final Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
