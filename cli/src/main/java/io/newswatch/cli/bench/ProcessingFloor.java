package io.newswatch.cli.bench;

import io.newswatch.model.Article;
import io.newswatch.streams.stories.TextFingerprint;
import io.newswatch.tagger.Tagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * A lower bound on the CPU the pipeline spends per article, and so an upper bound on its throughput on this machine.
 * The topic contract has the tagged article, text included, written to {@code news.tagged}, so every article crosses
 * Kafka in and out: produced to and consumed from {@code news.articles} (a whole raw-reference pass), then produced to
 * {@code news.tagged} (a pass without its consumer, whose CPU the raw reference measures on its own thread). It must
 * also be tagged and fingerprinted (timed here, on one thread, over the benchmark's own articles). Nothing else is
 * counted: not the JSON, the state stores, the transactions, the story step, the trend counts or the alerts. The bound
 * is therefore generous, and a pipeline/raw ratio above the one it gives cannot be reached by any implementation of
 * this design on these cores.
 */
public final class ProcessingFloor {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * @param cpuNanosPerArticle the floor per article: {@code inNanos + outNanos + taggingNanos}
     * @param inNanos            the article in: the raw reference's CPU per article, producer, broker and consumer
     * @param outNanos           the tagged article out: the raw reference's CPU per article without its consumer
     * @param taggingNanos       tagging and fingerprinting
     * @param cores              the processors this JVM may use
     */
    public record Floor(double cpuNanosPerArticle, double inNanos, double outNanos, double taggingNanos, int cores) {
        /** The most articles a second these cores could carry if they did nothing but this work. */
        public double ceilingPerSecond() {
            return cores * 1e9 / cpuNanosPerArticle;
        }
    }

    private ProcessingFloor() {
    }

    /**
     * Times tagging and fingerprinting of the articles (a first pass warms up, the second is timed, in this thread's
     * CPU time) and adds the raw reference's CPU per article twice, once without its consumer
     * ({@link RawReference#CONSUMER_GROUP}).
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
        double in = raw.cpuNanos().values().stream().mapToLong(Long::longValue).sum() / (double) raw.articles();
        double out = in - raw.cpuNanos().getOrDefault(RawReference.CONSUMER_GROUP, 0L) / (double) raw.articles();
        return new Floor(in + out + tagging, in, out, tagging, Runtime.getRuntime().availableProcessors());
    }
}
