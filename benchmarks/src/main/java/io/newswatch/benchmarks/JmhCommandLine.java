package io.newswatch.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * What a report's {@code main} needs from JMH: the options it was given and the primary score of each benchmark,
 * or exit status 1 with the reason on standard error.
 */
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

    /** The primary result of each benchmark by its method name; exits 1 when one of {@code required} is missing. */
    static Map<String, Result<?>> scoresOrExit(Collection<RunResult> results, String... required) {
        Map<String, Result<?>> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            scores.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult());
        }
        for (String b : required) {
            if (!scores.containsKey(b)) {
                System.err.println("no result for " + b + " (did the run fail?)");
                System.exit(1);
            }
        }
        return scores;
    }
}
