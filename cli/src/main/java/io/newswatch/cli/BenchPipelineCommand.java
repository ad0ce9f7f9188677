package io.newswatch.cli;

import io.newswatch.benchmarks.synthetic.Mix;
import io.newswatch.benchmarks.synthetic.SyntheticArticles;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.cli.bench.ArticleBatch;
import io.newswatch.benchmarks.CompilerActivity;
import io.newswatch.cli.bench.PipelineBenchmark;
import io.newswatch.cli.bench.ProcessingFloor;
import io.newswatch.cli.bench.RawReference;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.ProgressReport;
import io.newswatch.cli.internal.WorkDirectory;
import io.newswatch.model.config.ConfigKey;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.tagger.Tagger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newswatch bench pipeline}: the whole pipeline's throughput and latency against the raw Kafka reference,
 * in one run on one embedded broker.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Measure the pipeline (streams with exactly-once + alerts to a file) on an embedded broker: "
                + "(c) the raw reference: the articles produced and consumed once, no processing; (a) throughput: "
                + "N articles loaded as fast as possible until the last alert is in the file; (b) latency: articles "
                + "offered at --rate for --duration, publish -> alert delivered percentiles.",
                "Prints the pipeline/raw throughput ratio. The broker and state live in a temporary directory."})
final class BenchPipelineCommand implements Callable<Integer> {
    /** Runs of the raw reference; the median is the reference. */
    private static final int RAW_RUNS = 3;
    /** Articles tagged and fingerprinted to time the processing floor. */
    private static final int FLOOR_SAMPLE = 2_000;
    /** When the first article is published. */
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    /** One article a second: a busy live feed, published in the order it is sent. */
    private static final Duration SPACING = Duration.ofSeconds(1);
    /** The JIT compiler's share of a core under which a warm-up round counts as steady state. */
    private static final double JIT_QUIET = 0.10;
    /** The paced part of a warm-up round. */
    private static final Duration WARM_UP_PACED = Duration.ofSeconds(2);

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "20000", description = "Articles for the throughput runs "
            + "(default: ${DEFAULT-VALUE}).")
    long articles;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "5000", description = "Text bytes per article (default: "
            + "${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "1000", description = "Offered articles per second in the latency "
            + "run (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "20s", description = "Length of the latency run (default: "
            + "${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5000", description = "Articles per untimed warm-up round "
            + "(default: ${DEFAULT-VALUE}); 0 skips the warm-up.")
    int warmup;

    @Option(names = "--warmup-limit", paramLabel = "DURATION", defaultValue = "3m", description = "The most the warm-up takes: rounds go on "
            + "until the JIT compiler used less than a tenth of a core in one, or this long (default: "
            + "${DEFAULT-VALUE}).")
    String warmupLimit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20250101", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Duration latencyRun = ConfigKey.parseDuration(duration);
        Path work = Files.createTempDirectory("newswatch-bench-pipeline");
        NewswatchConfig config = configOptions.load()
                .with(ConfigKeys.STATE_DIR, work.resolve("streams").toString())
                .with(ConfigKeys.ALERTS_CONSOLE, "false");
        // Articles are numbered in the order they are sent (warm-up, then the measured load, then the latency run)
        // and published in that order: trend counts and story windows see a live feed, not an archive in no order
        // whose late articles they would drop (logging each).
        SyntheticArticles generator = SyntheticArticles.inPublicationOrder(Mix.NEWS_FEED, seed, size, FROM, SPACING);
        try (KafkaConnection kafka = KafkaConnection.configuredOrEmbedded(config,
                new BrokerOptions(0, work.resolve("kafka"), true))) {
            try (PipelineBenchmark bench = new PipelineBenchmark(kafka)) {
                bench.start(work.resolve("alerts.jsonl"));
                long next = warmUp(bench, kafka, generator, ConfigKey.parseDuration(warmupLimit));
                System.err.println("generating " + articles + " articles of ~" + size + " bytes");
                long measuredFirst = next;
                ArticleBatch batch = ArticleBatch.generate(generator, measuredFirst, (int) articles);
                next += articles;
                System.err.println("raw reference: " + articles + " articles through the broker, no processing");
                // under half a second per run on this machine: one run is at the mercy of a neighbour's burst
                List<PipelineBenchmark.Throughput> raws = new ArrayList<>();
                for (int run = 0; run < RAW_RUNS; run++) {
                    raws.add(RawReference.measure(kafka.clientProperties(), batch));
                }
                raws.sort(Comparator.comparingDouble(PipelineBenchmark.Throughput::articlesPerSecond));
                PipelineBenchmark.Throughput raw = raws.get(RAW_RUNS / 2);
                print("raw reference", raw);
                System.out.println(String.format(Locale.ROOT, "  (the median of %d runs: %s articles/s)", RAW_RUNS,
                        String.join(", ", raws.stream().map(t -> String.format(Locale.ROOT, "%,.0f",
                                t.articlesPerSecond())).toList())));
                System.err.println("pipeline: " + articles + " articles (" + config.get(
                        ConfigKeys.PROCESSING_GUARANTEE) + ")");
                ProgressReport bar = ProgressReport.onStderr("pipeline");
                CompilerActivity pipelineJit = new CompilerActivity();
                PipelineBenchmark.Throughput pipeline = bench.throughput(batch, n -> bar.update(n, articles));
                long pipelineJitMillis = pipelineJit.compilingMillis();
                batch = null; // the latency run generates its own
                bar.finish();
                print("pipeline", pipeline);
                StringBuilder cpu = new StringBuilder("CPU per article:");
                pipeline.cpuNanos().forEach((group, nanos) -> cpu.append(String.format(Locale.ROOT, " %s %.0f µs,",
                        group, nanos / 1e3 / pipeline.articles())));
                cpu.append(String.format(Locale.ROOT, " JIT compiler %.0f µs", pipelineJitMillis * 1e3
                        / pipeline.articles()));
                System.out.println(cpu + " (thread CPU time; GC not counted)");
                System.out.println(String.format(Locale.ROOT, "pipeline/raw throughput ratio: %.2f",
                        pipeline.articlesPerSecond() / raw.articlesPerSecond()));
                ProcessingFloor.Floor floor = ProcessingFloor.measure(raw, Tagger.withDefaultRules(),
                        java.util.stream.LongStream.range(measuredFirst, measuredFirst + Math.min(articles, FLOOR_SAMPLE))
                                .mapToObj(generator::article).toList());
                System.out.println(String.format(Locale.ROOT, "ceiling: Kafka in (news.articles, produced and "
                                + "consumed) %.0f µs + out (news.tagged, produced) %.0f µs + tagging and fingerprint "
                                + "%.0f µs = %.0f µs of CPU per article at the least; %d cores carry at most %,.0f "
                                + "articles/s, a ratio of at most %.2f", floor.inNanos() / 1e3, floor.outNanos() / 1e3,
                        floor.taggingNanos() / 1e3, floor.cpuNanosPerArticle() / 1e3, floor.cores(),
                        floor.ceilingPerSecond(), floor.ceilingPerSecond() / raw.articlesPerSecond()));
                System.err.println("latency: " + rate + " articles/s for " + latencyRun.toSeconds() + " s");
                CompilerActivity latencyJit = new CompilerActivity();
                PipelineBenchmark.Latency latency = bench.latency(generator, next, rate, latencyRun);
                double latencyJitShare = latencyJit.shareOfACore();
                System.out.println(String.format(Locale.ROOT,
                        "latency at %d articles/s: %,d sent, %,d first alerts timed: p50 %.0f ms, p95 %.0f ms, "
                                + "p99 %.0f ms, max %.0f ms", rate, latency.sent(), latency.samplesNanos().size(),
                        latency.percentileMillis(0.50), latency.percentileMillis(0.95),
                        latency.percentileMillis(0.99), latency.percentileMillis(1.0)));
                System.out.println(String.format(Locale.ROOT, "  the JIT compiler was busy %.0f%% of a core "
                        + "meanwhile", latencyJitShare * 100));
                for (int q = 0; q < 4; q++) {
                    PipelineBenchmark.Latency part = latency.part(q / 4.0, (q + 1) / 4.0);
                    System.out.println(String.format(Locale.ROOT, "  quarter %d of the run: p50 %.0f ms, p99 %.0f ms%s",
                            q + 1, part.percentileMillis(0.5), part.percentileMillis(0.99),
                            q < latency.memoryByQuarter().size() ? "; at its end "
                                    + latency.memoryByQuarter().get(q).describe() : ""));
                }
            }
            System.out.println(String.format(Locale.ROOT, "heap: %d MiB max", Runtime.getRuntime().maxMemory() >> 20));
            return 0;
        } finally {
            WorkDirectory.delete(work); // the broker's data, the stores and the alerts file: hundreds of MB
        }
    }

    /**
     * Runs warm-up rounds, each a saturating load of {@code --warmup} articles, the raw reference on the same
     * articles and two seconds at the offered rate, until the JIT compiler used less than {@link #JIT_QUIET} of a
     * core during a round or {@code limit} has passed, and prints each round's figures.
     *
     * @return the number of the next article to send
     */
    private long warmUp(PipelineBenchmark bench, KafkaConnection kafka, SyntheticArticles generator, Duration limit)
            throws InterruptedException {
        if (warmup <= 0) {
            return 0;
        }
        long next = 0;
        long deadline = System.nanoTime() + limit.toNanos();
        for (int round = 1; ; round++) {
            CompilerActivity jit = new CompilerActivity();
            ArticleBatch warm = ArticleBatch.generate(generator, next, warmup);
            next += warmup;
            PipelineBenchmark.Throughput loaded = bench.throughput(warm, n -> { });
            RawReference.measure(kafka.clientProperties(), warm);
            next += bench.pacedWarmUp(generator, next, rate, WARM_UP_PACED).sent();
            double share = jit.shareOfACore();
            System.err.printf(Locale.ROOT, "warm-up round %d: pipeline %,.0f articles/s; JIT compiler busy %.0f%% of "
                    + "a core%n", round, loaded.articlesPerSecond(), share * 100);
            if (!jit.supported() || share < JIT_QUIET) {
                return next;
            }
            if (System.nanoTime() > deadline) {
                // on standard output, with the figures it qualifies
                System.out.println("warm-up: stopped at --warmup-limit " + warmupLimit + " with the JIT compiler "
                        + "still busy; the figures below are not the steady state");
                return next;
            }
        }
    }

    private static void print(String what, PipelineBenchmark.Throughput t) {
        System.out.println(String.format(Locale.ROOT, "%s: %,d articles, %.1f MB%s in %.2f s: %,.0f articles/s, "
                        + "%.1f MB/s", what, t.articles(), t.bytes() / 1e6,
                t.alerts() > 0 ? ", " + t.alerts() + " alerts" : "", t.took().toNanos() / 1e9,
                t.articlesPerSecond(), t.megabytesPerSecond()));
    }
}
