package io.newswatch.cli.bench;

import io.newswatch.model.Article;
import io.newswatch.streams.stories.TextFingerprint;
import io.newswatch.streams.tagging.Tagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * A lower bound on the CPU the pipeline spends per article, and so an upper bound on its throughput on this machine.
 * Every article must at least cross Kafka twice, because DESIGN.md has the tagged article, text included, written
 * to {@code news.tagged}: in through {@code news.articles} and out through {@code news.tagged}, each pass costing
 * what the raw reference costs per article. It must also be tagged and fingerprinted (timed here, on one thread,
 * over the benchmark's own articles). Nothing else is counted: not the JSON, the state stores, the transactions, the
 * story step, the trend counts or the alerts. The second pass counts one consumer's read of {@code news.tagged}
 * that the pipeline need not make, a small part of a pass; the rest of what is left out is far larger, so the
 * bound stays generous, and a pipeline/raw ratio above the one it gives cannot be reached by any implementation of
 * this design on these cores.
 */
public final class ProcessingFloor {
    /** Passes through Kafka each article needs at least: {@code news.articles}, then {@code news.tagged}. */
    public static final int KAFKA_PASSES = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * @param cpuNanosPerArticle the floor per article: {@link #KAFKA_PASSES} times the raw reference, plus tagging
     *                           and fingerprinting
     * @param kafkaNanos         the raw reference's CPU per article: one pass
     * @param taggingNanos       tagging and fingerprinting
     * @param cores              the processors this JVM may use
     */
    public record Floor(double cpuNanosPerArticle, double kafkaNanos, double taggingNanos, int cores) {
        /** The most articles a second these cores could carry if they did nothing but this work. */
        public double ceilingPerSecond() {
            return cores * 1e9 / cpuNanosPerArticle;
        }
    }

    private ProcessingFloor() {
    }

    /**
     * Times tagging and fingerprinting of the articles (a first pass warms up, the second is timed, in this thread's
     * CPU time) and adds {@link #KAFKA_PASSES} times the raw reference's CPU per article.
     *
     * @param raw the raw reference, with its CPU time by thread group
     * @throws IllegalArgumentException when there are no articles or the raw reference has no CPU figures
     */
    public static Floor measure(PipelineBenchmark.Throughput raw, Tagger tagger, List<Article> articles) {
        if (articles.isEmpty() || raw.cpuNanos().isEmpty() || raw.articles() == 0) {
            throw new IllegalArgumentException("need articles and a raw reference with CPU figures");
        }
        long sink = 0;
        long cpu = 0;
        for (int pass = 0; pass < 2; pass++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (Article a : articles) {
                sink += tagger.tag(a.text()).tags().size();
                sink ^= TextFingerprint.of(a.text());
            }
            cpu = THREADS.getCurrentThreadCpuTime() - start;
        }
        if (sink == 42) {
            // the sum is used so the JIT cannot drop the work; its value means nothing
            Thread.onSpinWait();
        }
        double tagging = (double) cpu / articles.size();
        double kafka = raw.cpuNanos().values().stream().mapToLong(Long::longValue).sum() / (double) raw.articles();
        return new Floor(KAFKA_PASSES * kafka + tagging, kafka, tagging, Runtime.getRuntime().availableProcessors());
    }
}
