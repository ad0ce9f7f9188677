package io.newswatch.benchmarks;

import io.newswatch.tagger.Tagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * The tagger's speed with the default rules (events included) measured in thread CPU time rather than wall-clock
 * time: on a shared, loaded machine the wall clock counts the time other processes held the core, the thread's own
 * CPU time much less so. A quick check to set beside {@link TaggerBenchmarkReport}, not a replacement for it.
 *
 * <p>Contract: builds {@link BenchmarkFixture}, tags the whole corpus {@code passes} times per run for {@code runs}
 * runs (arguments 1 and 2, defaults 30 and 4), prints each run's MB/s (UTF-8 bytes of the corpus over the thread's
 * CPU time) and the best, and a hash of every result of one pass so that two builds can be shown to give the same
 * output. Each run also times, in the same thread, a reference: lower-casing the same texts, the cheapest pass over
 * every character; the ratio of the two is comparable between machines and between a quiet and a busy hour, where
 * MB/s alone is not. Exits 1 naming the argument when an argument is not a positive integer, or when the JVM cannot measure
 * thread CPU time.
 */
public final class TaggerCpuTimeReport {
    private TaggerCpuTimeReport() {
    }

    /** Runs the measurement; see the class comment for the arguments. */
    public static void main(String[] args) {
        int runs = positive(args, 0, 30, "runs");
        int passes = positive(args, 1, 4, "passes");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            System.err.println("this JVM cannot measure thread CPU time");
            System.exit(1);
        }
        threads.setThreadCpuTimeEnabled(true);
        try (BenchmarkFixture fixture = BenchmarkFixture.build()) {
            String[] articles = fixture.articles();
            Tagger tagger = fixture.defaultTagger();
            long bytes = 0;
            StringBuilder results = new StringBuilder();
            for (String article : articles) {
                bytes += article.getBytes(StandardCharsets.UTF_8).length;
                results.append(tagger.tag(article)).append('\n');
            }
            System.out.printf("%d articles, %,d bytes, results hash %08x%n", articles.length, bytes,
                    results.toString().hashCode());
            double best = 0;
            double bestScan = 0;
            long rules = 0;
            long scanned = 0;
            for (int r = 0; r < runs; r++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int p = 0; p < passes; p++) {
                    for (String article : articles) {
                        rules += tagger.tag(article).rules().size();
                    }
                }
                double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
                long scanStart = threads.getCurrentThreadCpuTime();
                for (int p = 0; p < passes; p++) {
                    for (String article : articles) {
                        scanned += article.toLowerCase(java.util.Locale.ROOT).length();
                    }
                }
                double scanSeconds = (threads.getCurrentThreadCpuTime() - scanStart) / 1e9;
                double mbPerSecond = (double) passes * bytes / 1e6 / seconds;
                double scanMbPerSecond = (double) passes * bytes / 1e6 / scanSeconds;
                best = Math.max(best, mbPerSecond);
                bestScan = Math.max(bestScan, scanMbPerSecond);
                System.out.printf("run %2d: %6.1f MB/s (lower-casing scan %,.0f MB/s, ratio %.3f)%n", r + 1,
                        mbPerSecond, scanMbPerSecond, mbPerSecond / scanMbPerSecond);
            }
            // printed so the JIT cannot drop the tagging and the scan as dead code
            System.out.printf("best %.1f MB/s per core (thread CPU time, default rules with events; %d matches)%n",
                    best, rules);
            System.out.printf("reference: lower-casing the same texts, best %,.0f MB/s (%d chars); best ratio %.3f%n",
                    bestScan, scanned, best / bestScan);
        }
    }

    /** The argument at {@code index} as a positive integer, the fallback when absent; exits 1 naming it otherwise. */
    static int positive(String[] args, int index, int fallback, String name) {
        if (args.length <= index) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(args[index]);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the others
        }
        System.err.println(name + " must be a positive integer, not " + args[index]);
        System.exit(1);
        return fallback;
    }
}
