package io.newswatch.cli;

import io.newswatch.benchmarks.synthetic.Mix;
import io.newswatch.benchmarks.synthetic.SyntheticArticles;
import io.newswatch.benchmarks.synthetic.SyntheticPages;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.cli.bench.ExtractionCeiling;
import io.newswatch.cli.bench.ProcessActivity;
import io.newswatch.cli.bench.PageArchive;
import io.newswatch.cli.bench.Rate;
import io.newswatch.cli.bench.ReplayCeilings;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.ProgressReport;
import io.newswatch.ingest.Backfill;
import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.source.DateRange;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.UrlFilter;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newswatch bench backfill}: writes N synthetic news pages ({@link SyntheticPages}, a fixed seed) to a
 * gzipped WARC, backfills it through a {@code warc} source into {@code news.articles} of a fresh embedded broker,
 * checks that nothing was published twice (records and distinct keys on the topic against the published count, and
 * a second backfill of a tenth of the same archive's span that must publish nothing), and prints in the same run
 * the backfill's rate against the bare extraction rate of the archive's pages on one core and on every core
 * ({@link ExtractionCeiling}), with the two ratios against their targets. Exit code 1 when the check fails or a
 * page failed.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Write a WARC archive of synthetic news pages, backfill it into an embedded broker, and "
                + "compare the backfill's pages/s with the bare extraction rate on one core and on every core.",
                "The archive and the broker live in a temporary directory, deleted afterwards."})
final class BenchBackfillCommand implements Callable<Integer> {
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-04-01T00:00:00Z");
    /**
     * The second run takes the captures of the span's first tenth only: it still reads the whole archive, but
     * extracts a tenth of it again, which is enough to see that nothing is sent twice and keeps the run short.
     */
    private static final DateRange SECOND_RUN = new DateRange(FROM, FROM.plus(Duration.between(FROM, TO)
            .dividedBy(10)));
    /** Article text bytes per page: the news feed's usual size; the page around it is much larger. */
    private static final int TEXT_BYTES = 5_000;
    /** Pages the bare extraction rates are measured on: a steady rate, and a short enough run. */
    private static final long EXTRACTION_SAMPLE = 2_000;
    /** Alternating measurements of each bare extraction rate; the medians are compared. */
    private static final int EXTRACTION_RUNS = 3;
    private static final long WARMUP_PAGES = 400;
    static final double BACKFILL_TARGET = 0.9;
    static final double SCALING_TARGET = 1.7;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "20000",
            description = "Pages in the archive (default: ${DEFAULT-VALUE}).")
    long pages;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20250101",
            description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--warmup-pages", paramLabel = "N", defaultValue = "2000",
            description = "Pages of another archive (the next seed) backfilled, untimed, into an embedded broker of "
                    + "its own before the timed backfill, so that the timed one runs compiled, as a long backfill "
                    + "does after its first minute; at most --pages, 0 for none (default: ${DEFAULT-VALUE}).")
    long warmupPages;

    @Override
    public Integer call() throws Exception {
        NewswatchConfig config = configOptions.load();
        Path work = Files.createTempDirectory("newswatch-bench-backfill");
        try {
            return run(config, work);
        } finally {
            deleteTree(work);
        }
    }

    private int run(NewswatchConfig config, Path work) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Path warc = work.resolve("pages.warc.gz");
        SyntheticPages generator = new SyntheticPages(
                new SyntheticArticles(Mix.NEWS_FEED, seed, TEXT_BYTES, FROM, TO), seed);
        System.err.println("writing " + pages + " synthetic news pages to " + warc);
        ProgressReport writeBar = ProgressReport.onStderr("archive");
        PageArchive.Written archive = PageArchive.write(generator, pages, warc, n -> writeBar.update(n, pages));
        writeBar.finish();
        System.out.println(String.format(Locale.ROOT, "archive: %,d pages, %.1f MB of HTML (mean %,.0f bytes, "
                        + "%,d..%,d), %.1f MB of gzipped WARC, written in %.1f s", archive.pages(),
                archive.htmlBytes() / 1e6, archive.meanBytes(), archive.minBytes(), archive.maxBytes(),
                archive.fileBytes() / 1e6, archive.took().toNanos() / 1e9));

        long warmup = Math.min(WARMUP_PAGES, pages);
        ExtractionCeiling.measure(warc, warmup, cores);
        System.out.println(String.format(Locale.ROOT, "warm-up: the first %,d pages extracted on %d threads, "
                + "untimed, before the backfill and the bare timings", warmup, cores));
        warmUpBackfill(config, work);

        Source source = new Source("bench-warc", "warc", null, warc, null, "en", UrlFilter.NONE, null,
                DateRange.ALL, false);
        Path dataDir = Files.createDirectory(work.resolve("kafka"));
        try (KafkaConnection kafka = KafkaConnection.configuredOrEmbedded(config,
                new BrokerOptions(0, dataDir, true));
             PoliteFetcher fetcher = new PoliteFetcher(FetcherSettings.from(config))) {
            Properties props = kafka.clientProperties();
            System.err.println("backfilling " + warc.getFileName() + " into " + Topics.ARTICLES.name() + " at "
                    + kafka.bootstrapServers());
            Timed first;
            Timed second;
            try (Backfill backfill = new Backfill(config, props, fetcher)) {
                first = backfill(backfill, source, DateRange.ALL, "backfill");
                second = backfill(backfill, source, SECOND_RUN, "backfill");
            }
            double megabytes = archive.htmlBytes() / 1e6;
            System.out.println(String.format(Locale.ROOT, "backfill: %,d pages (published %,d, unchanged %,d, "
                            + "failed %,d) in %.1f s: %,.0f pages/s, %.1f MB/s of HTML (the total estimated from the "
                            + "bytes read until the archive was read to its end, after %.1f s); %s",
                    first.summary().entries(), first.summary().published(), first.summary().unchanged(),
                    first.summary().failed(), first.seconds(), first.summary().rate(),
                    megabytes / Math.max(first.seconds(), 1e-9), first.countingSeconds(), first.activity()));
            long[] onTopic = recordsAndKeys(props);
            long published = first.summary().published();
            boolean once = onTopic[0] == published && onTopic[1] == published;
            System.out.println(String.format(Locale.ROOT, "on %s: %,d records, %,d distinct keys, published %,d: %s",
                    Topics.ARTICLES.name(), onTopic[0], onTopic[1], published,
                    once ? "nothing published twice" : "MISMATCH"));
            System.out.println(String.format(Locale.ROOT, "second run (the captures of %s): published %,d, "
                    + "unchanged %,d, failed %,d in %.1f s", Backfill.describe(SECOND_RUN),
                    second.summary().published(), second.summary().unchanged(), second.summary().failed(),
                    second.seconds()));

            long sample = Math.min(EXTRACTION_SAMPLE, pages);
            // a few seconds each, so the machine's moods move them: alternate, and take the medians
            List<Rate> ones = new ArrayList<>();
            List<Rate> alls = new ArrayList<>();
            for (int i = 0; i < EXTRACTION_RUNS; i++) {
                ones.add(ExtractionCeiling.measure(warc, sample, 1));
                alls.add(ExtractionCeiling.measure(warc, sample, cores));
            }
            Rate one = median(ones);
            Rate all = median(alls);
            System.out.println(String.format(Locale.ROOT, "extraction on 1 thread:  %,d pages in %.1f s: %,.0f "
                    + "pages/s, %.1f MB/s (the first %,d pages of the archive, read and extracted on one thread, no "
                    + "Kafka; the median of %s pages/s)", one.count(), one.seconds(), one.perSecond(),
                    one.megabytesPerSecond(), sample, rates(ones)));
            System.out.println(String.format(Locale.ROOT, "extraction on %d threads: %,d pages in %.1f s: %,.0f "
                    + "pages/s, %.1f MB/s (every core: %d, one of them reading; the median of %s pages/s)", cores,
                    all.count(), all.seconds(), all.perSecond(), all.megabytesPerSecond(), cores, rates(alls)));
            double backfillRatio = first.summary().rate() / all.perSecond();
            double scaling = all.perSecond() / one.perSecond();
            System.out.println(String.format(Locale.ROOT, "backfill / all-cores extraction: %.2f (target >= %.1f%s)",
                    backfillRatio, BACKFILL_TARGET, backfillRatio >= BACKFILL_TARGET ? "" : ": not met"));
            System.out.println(String.format(Locale.ROOT, "all-cores / one-core extraction: %.2f (target >= %.1f%s)",
                    scaling, SCALING_TARGET, scaling >= SCALING_TARGET ? "" : ": not met"));
            return once && second.summary().published() == 0 && first.summary().failed() == 0 ? 0 : 1;
        }
    }

    /**
     * Backfills another archive into a broker of its own, so that the JIT compiler has compiled the reading,
     * extraction and publishing before the timed backfill starts: on two cores it otherwise takes more than a core
     * through a backfill's first minute (23 s of compiling in a 19 s, 5,000-page run), while the bare extraction
     * rates it is compared with are measured warm. Skipped with a configured cluster, whose topic the check reads.
     */
    private void warmUpBackfill(NewswatchConfig config, Path work) throws Exception {
        long n = Math.min(warmupPages, pages);
        if (n <= 0 || config.hasBootstrapServers()) {
            return;
        }
        Path warc = work.resolve("warmup.warc.gz");
        PageArchive.write(new SyntheticPages(new SyntheticArticles(Mix.NEWS_FEED, seed + 1, TEXT_BYTES, FROM, TO),
                seed + 1), n, warc, written -> { });
        Source source = new Source("bench-warmup", "warc", null, warc, null, "en", UrlFilter.NONE, null,
                DateRange.ALL, false);
        try (KafkaConnection kafka = KafkaConnection.configuredOrEmbedded(config,
                new BrokerOptions(0, Files.createDirectory(work.resolve("kafka-warmup")), true));
             PoliteFetcher fetcher = new PoliteFetcher(FetcherSettings.from(config));
             Backfill backfill = new Backfill(config, kafka.clientProperties(), fetcher)) {
            Timed warm = backfill(backfill, source, DateRange.ALL, "warm-up");
            System.out.println(String.format(Locale.ROOT, "warm-up backfill: %,d pages of another archive into a "
                    + "broker of its own, untimed: %,.0f pages/s; %s", warm.summary().entries(),
                    warm.summary().rate(), warm.activity()));
        }
        Files.delete(warc);
    }

    private static Rate median(List<Rate> rates) {
        List<Rate> sorted = new ArrayList<>(rates);
        sorted.sort(Comparator.comparingDouble(Rate::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static String rates(List<Rate> rates) {
        return String.join(", ", rates.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.perSecond())).toList());
    }

    /**
     * A backfill's summary, with the time until the number of pages to process was known and what the process did
     * meanwhile ({@link ProcessActivity#describe()}).
     */
    private record Timed(Backfill.Summary summary, double countingSeconds, String activity) {
        double seconds() {
            return summary.elapsed().toNanos() / 1e9;
        }
    }

    private static Timed backfill(Backfill backfill, Source source, DateRange range, String label)
            throws Exception {
        ProgressReport bar = ProgressReport.onStderr(label);
        ProcessActivity activity = new ProcessActivity();
        long start = System.nanoTime();
        long[] counted = {start};
        Backfill.Progress timed = new Backfill.Progress() {
            @Override
            public void counting(int found) {
                bar.counting(found);
            }

            @Override
            public void started(int total) {
                counted[0] = System.nanoTime();
                bar.started(total);
            }

            @Override
            public void processed(Backfill.Counts counts) {
                bar.processed(counts);
            }

            @Override
            public void finished(Backfill.Summary summary) {
                bar.finished(summary);
            }
        };
        try {
            Backfill.Summary summary = backfill.run(source, range, timed);
            return new Timed(summary, (counted[0] - start) / 1e9, activity.describe());
        } finally {
            bar.finish();
        }
    }

    /** Every record on news.articles and its distinct keys, read from the beginning to the end offsets. */
    private static long[] recordsAndKeys(Properties props) {
        long[] records = {0};
        Set<String> keys = new HashSet<>();
        ReplayCeilings.scanArchive(props, "newswatch-bench-backfill-count", r -> {
            records[0]++;
            keys.add(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
        });
        return new long[] {records[0], keys.size()};
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
