package io.newswatch.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ExtractionBenchmark} and prints pages/s and MB/s for extraction and for a bare {@code Jsoup.parse},
 * and the ratio between them against the target (extraction at most 1.5 times the cost of a bare parse).
 *
 * <p>Usage, from the repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * io.newswatch.benchmarks.ExtractionBenchmarkReport [JMH options]}, with the pages' folder named by
 * {@code -Dnewswatch.bench.articles.dir=FOLDER} before {@code -cp}. MB are 10^6 bytes of uncompressed UTF-8 HTML: the pages' mean size times pages/s. Exits
 * with status 1 on bad options, missing pages or a missing result; missing the target is reported, not an error.
 */
public final class ExtractionBenchmarkReport {
    /** Extraction may cost at most this many times a bare parse of the same pages. */
    public static final double TARGET_MAX_COST_VS_PARSE = 1.5;

    private static final String[] BENCHMARKS = {"jsoupParse", "extract"};

    private ExtractionBenchmarkReport() {
    }

    /** Runs the two benchmarks with the given JMH options and prints the summary. */
    public static void main(String[] args) throws RunnerException {
        CommandLineOptions cli = JmhCommandLine.parseOrExit(args);
        PrintStream out = System.out;
        ExtractionPages pages;
        try {
            pages = ExtractionPages.load();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        double mbPerPage = pages.meanUtf8Bytes() / 1e6;
        out.printf(Locale.ROOT, "Pages: %d from %s, mean %.0f UTF-8 bytes, %.1f MB in all%n", pages.size(),
                ExtractionPages.directory(), pages.meanUtf8Bytes(), pages.totalUtf8Bytes() / 1e6);

        // the forked JVM reads the pages itself: hand it the same folder, whatever the working directory
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        jvmArgs.add("-D" + ExtractionPages.DIR_PROPERTY + "=" + ExtractionPages.directory());
        Options options = new OptionsBuilder()
                .parent(cli)
                .include(ExtractionBenchmark.class.getName() + "\\.")
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, Result<?>> scores = JmhCommandLine.scoresOrExit(results, BENCHMARKS);
        out.println();
        out.println("Extraction throughput, one core, benchmark pages (dev half)");
        out.printf(Locale.ROOT, "%-14s %12s %12s %10s%n", "benchmark", "pages/s", "MB/s", "+- MB/s");
        for (String b : BENCHMARKS) {
            Result<?> r = scores.get(b);
            double error = Double.isFinite(r.getScoreError()) ? r.getScoreError() : 0;
            out.printf(Locale.ROOT, "%-14s %12.0f %12.1f %10.1f%n", b, r.getScore(), r.getScore() * mbPerPage,
                    error * mbPerPage);
        }
        double parse = scores.get("jsoupParse").getScore();
        double extract = scores.get("extract").getScore();
        double ratio = parse / extract;
        out.println();
        out.printf(Locale.ROOT, "extraction cost / bare parse   %6.2f x   target <= %.1f   %s%n", ratio,
                TARGET_MAX_COST_VS_PARSE, ratio <= TARGET_MAX_COST_VS_PARSE ? "met" : "NOT MET");
    }
}
