package io.newswatch.benchmarks;

import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/** The JMH options a report's {@code main} was given, or exit status 1 with the reason on standard error. */
final class JmhCommandLine {
    private JmhCommandLine() {
    }

    static CommandLineOptions parseOrExit(String[] args) {
        try {
            return new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("bad JMH option: " + e.getMessage());
            System.exit(1);
            throw new IllegalStateException("unreachable", e);
        }
    }
}
