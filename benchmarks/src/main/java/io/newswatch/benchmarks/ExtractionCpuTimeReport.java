package io.newswatch.benchmarks;

import io.newswatch.ingest.extract.ArticleExtractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.jsoup.Jsoup;

/**
 * Extraction's cost against a bare {@link Jsoup#parse(String, String)} in one thread of one JVM, by thread CPU time:
 * each run extracts every page of {@link ExtractionPages} once and then parses every page once, so both halves of a
 * run see the same JIT state and the same machine. {@link ExtractionBenchmarkReport} measures the two in separate JMH
 * forks, where a fork's parse can settle at either of two speeds 40 % apart; that moves its ratio between 1.4 and
 * 3.2 on the same build. This report is the one the speed target is read from.
 *
 * <p>Contract: the arguments are the number of counted runs (default 20) and the longest warm-up in seconds (default
 * 120; 0: none). Before counting, runs are repeated until the JIT compiler is done with both halves
 * ({@link JitWarmUp}): a fixed first quarter of the runs, as before, ended about a second in, while the one C2
 * thread of a 2-core machine was still compiling the parser and the extractor. Prints the warm-up, each counted
 * run's milliseconds for extraction and for the parse and their ratio, then the median ratio of the counted runs,
 * the ratio of the best times, and the pages per second of the best extraction run. Exits 1 naming the argument
 * when it is not a positive integer or when the JVM cannot measure thread CPU time; the pages' folder comes from the
 * same property as {@link ExtractionPages}.
 */
public final class ExtractionCpuTimeReport {
    private ExtractionCpuTimeReport() {
    }

    /** Runs the measurement; see the class comment for the argument. */
    public static void main(String[] args) {
        int runs = TaggerCpuTimeReport.positive(args, 0, 20, "runs");
        int warmUpSeconds = TaggerCpuTimeReport.warmUpSeconds(args, 1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            System.err.println("this JVM cannot measure thread CPU time");
            System.exit(1);
        }
        threads.setThreadCpuTimeEnabled(true);
        ExtractionPages pages = ExtractionPages.load();
        ArticleExtractor extractor = new ArticleExtractor();
        long[] sink = {0};
        if (warmUpSeconds > 0) {
            JitWarmUp.Result warm = JitWarmUp.run(() -> {
                sink[0] += extractAll(extractor, pages);
                sink[0] += parseAll(pages);
            }, Duration.ofSeconds(warmUpSeconds));
            System.out.println("warm-up: " + warm.describe());
        }
        double[] ratios = new double[runs];
        long bestExtract = Long.MAX_VALUE;
        long bestParse = Long.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long start = threads.getCurrentThreadCpuTime();
            sink[0] += extractAll(extractor, pages);
            long extract = threads.getCurrentThreadCpuTime() - start;
            start = threads.getCurrentThreadCpuTime();
            sink[0] += parseAll(pages);
            long parse = threads.getCurrentThreadCpuTime() - start;
            bestExtract = Math.min(bestExtract, extract);
            bestParse = Math.min(bestParse, parse);
            ratios[r] = (double) extract / parse;
            System.out.printf("run %2d: extract %6.1f ms, parse %6.1f ms, ratio %.2f%n", r + 1, extract / 1e6,
                    parse / 1e6, ratios[r]);
        }
        double median = TaggerCpuTimeReport.median(ratios);
        // the sink is printed so that the JIT cannot drop either loop as dead code
        System.out.printf("%d pages, %d counted runs (checksum %d)%n", pages.size(), ratios.length, sink[0] % 1000);
        System.out.printf("extraction cost / bare parse: median %.2f x, of the best times %.2f x   target <= 1.5   %s%n",
                median, (double) bestExtract / bestParse, median <= 1.5 ? "met" : "NOT MET");
        System.out.printf("best extraction run: %.0f pages/s per core (thread CPU time)%n",
                pages.size() / (bestExtract / 1e9));
    }

    /** Extracts every page once; answers a checksum so that the JIT cannot drop the work. */
    private static long extractAll(ArticleExtractor extractor, ExtractionPages pages) {
        long sum = 0;
        for (int i = 0; i < pages.size(); i++) {
            sum += extractor.extract(pages.html(i), pages.url(i)).text().length();
        }
        return sum;
    }

    /** Parses every page once with a bare {@link Jsoup#parse(String, String)}; answers a checksum. */
    private static long parseAll(ExtractionPages pages) {
        long sum = 0;
        for (int i = 0; i < pages.size(); i++) {
            sum += Jsoup.parse(pages.html(i), pages.url(i)).childNodeSize();
        }
        return sum;
    }
}
