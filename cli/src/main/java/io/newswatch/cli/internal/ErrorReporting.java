package io.newswatch.cli.internal;

import io.newswatch.tagger.RuleSetException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns failures into one line on standard error. A stack trace is only useful to a developer: it goes to the
 * debug log, never to an analyst's terminal.
 */
public final class ErrorReporting {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporting.class);

    /** Exit code of a runtime failure. */
    public static final int FAILURE = 1;
    /** Exit code of a usage error. */
    public static final int USAGE = 2;

    private ErrorReporting() {
    }

    /** An unknown option, a missing parameter or a value picocli could not convert. */
    public static int onUsageError(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("newswatch: " + ex.getMessage());
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        return USAGE;
    }

    /** Anything a command threw. */
    public static int onExecutionError(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        LOG.debug("command failed", ex);
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuleSetException) {
                // its message is file:line:column, then the line and a caret: keep the lines
                cl.getErr().println("newswatch " + cl.getCommandName() + ": " + t.getMessage());
                return FAILURE;
            }
        }
        cl.getErr().println("newswatch " + cl.getCommandName() + ": " + oneLine(ex));
        return FAILURE;
    }

    /** The message of an exception and of its causes, on one line, without class names where a message exists. */
    public static String oneLine(Throwable ex) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null || m.isBlank()) {
                m = t.getClass().getSimpleName();
            }
            if (sb.indexOf(m) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(m);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString().replace('\n', ' ');
    }
}
