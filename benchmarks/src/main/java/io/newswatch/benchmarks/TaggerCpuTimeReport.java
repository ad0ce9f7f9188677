package io.newswatch.benchmarks;

import io.newswatch.tagger.Tagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * The tagger's speed with the default rules (events included) measured in thread CPU time rather than wall-clock
 * time: on a shared, loaded machine the wall clock counts the time other processes held the core, the thread's own
 * CPU time much less so. A quick check to set beside {@link TaggerBenchmarkReport}, not a replacement for it.
 *
 * <p>Contract: builds {@link BenchmarkFixture}, then warms up: tags the whole corpus {@code passes} times per run
 * until the JIT compiler is done with the tagger ({@link JitWarmUp}), for at most {@code warm-up} seconds; then
 * measures {@code runs} such runs (arguments 1, 2 and 3, defaults 30, 4 and 120), prints each run's MB/s (UTF-8
 * bytes of the corpus over the thread's CPU time), the best and the median, and a hash of every result of one pass
 * so that two builds can be shown to give the same output. Without the warm-up the runs measured a tagger the
 * compiler was still working on (see {@link JitWarmUp}). Each run also times, in the same thread, a reference:
 * lower-casing the same texts, the cheapest pass over every character; the ratio of the two is comparable between
 * machines and between a quiet and a busy hour, where MB/s alone is not. Exits 1 naming the argument when an
 * argument is not a positive integer (the warm-up may be 0: none), or when the JVM cannot measure thread CPU time.
 */
public final class TaggerCpuTimeReport {
    private TaggerCpuTimeReport() {
    }

    /** Runs the measurement; see the class comment for the arguments. */
    public static void main(String[] args) {
        int runs = positive(args, 0, 30, "runs");
        int passes = positive(args, 1, 4, "passes");
        int warmUpSeconds = warmUpSeconds(args, 2);
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
            long[] warmUpMatches = {0};
            if (warmUpSeconds > 0) {
                JitWarmUp.Result warm = JitWarmUp.run(() -> {
                    for (int p = 0; p < passes; p++) {
                        for (String article : articles) {
                            warmUpMatches[0] += tagger.tag(article).rules().size();
                        }
                    }
                }, Duration.ofSeconds(warmUpSeconds));
                System.out.println("warm-up: " + warm.describe());
            }
            double best = 0;
            double bestScan = 0;
            double[] rates = new double[runs];
            long rules = warmUpMatches[0];
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
                rates[r] = mbPerSecond;
                bestScan = Math.max(bestScan, scanMbPerSecond);
                System.out.printf("run %2d: %6.1f MB/s (lower-casing scan %,.0f MB/s, ratio %.3f)%n", r + 1,
                        mbPerSecond, scanMbPerSecond, mbPerSecond / scanMbPerSecond);
            }
            // printed so the JIT cannot drop the tagging and the scan as dead code
            double median = median(rates);
            System.out.printf("best %.1f MB/s per core, median %.1f (thread CPU time, default rules with events; "
                    + "%d matches)%n", best, median, rules);
            System.out.printf("reference: lower-casing the same texts, best %,.0f MB/s (%d chars); best ratio %.3f%n",
                    bestScan, scanned, best / bestScan);
        }
    }

    /** The warm-up cap at {@code index} in seconds: 120 when absent, 0 for none, else as {@link #positive}. */
    static int warmUpSeconds(String[] args, int index) {
        return args.length > index && "0".equals(args[index]) ? 0 : positive(args, index, 120, "warm-up seconds");
    }

    /** The median of the values (sorted in place). */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
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
