package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.IngestRuntime;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.cli.internal.ProgressReport;
import io.newswatch.ingest.Backfill;
import io.newswatch.ingest.IngestService;
import io.newswatch.ingest.IngestStats;
import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.source.DateRange;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourcesFile;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Polls the sources and publishes new and changed articles to news.articles: continuously, sharing the sources with
 * the other ingest instances (see {@link IngestRuntime}); once ({@code --once}); or as a backfill of one source.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Poll the sources politely, extract each article and publish it to news.articles.",
                "An article is published once; again only when its content changed.",
                "The sources file is copied to the news.sources topic and watched: edits are picked up without a "
                        + "restart. Instances with the same ingest.group.id split the sources between them.",
                "With --once: poll every source of the file once, print the counts and exit.",
                "With --source: backfill one sitemap, warc or folder source over --since/--until and exit."})
final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--source", paramLabel = "ID",
            description = "Backfill this source (sitemap, warc or folder) once over its date range, then exit.")
    String backfillSource;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Backfill from this date (2024-03-01 = from the start of that day, UTC; or a date-time "
                    + "with offset). Default: the source's own since.")
    String since;

    @Option(names = "--until", paramLabel = "DATE",
            description = "Backfill up to this date (2024-03-31 = to the end of that day, UTC; or a date-time with "
                    + "offset). Default: the source's own until.")
    String until;

    @Option(names = "--sources", paramLabel = "FILE", description = "Sources file (default: ingest.sources.file, config/sources.yaml).")
    Path sources;

    @Option(names = "--once", description = "Poll every source once, print what was published, and exit.")
    boolean once;

    @Option(names = "--from-topic", description = "Do not read a sources file: poll this instance's share of the "
            + "sources already on news.sources (written by another instance or `newswatch sources push`).")
    boolean fromTopic;

    @Override
    public Integer call() throws Exception {
        NewswatchConfig config = configOptions.load();
        if (sources != null) {
            config = config.with(ConfigKeys.SOURCES_FILE, sources.toString());
        }
        if (fromTopic && (once || backfillSource != null || sources != null)) {
            throw new ParameterException(spec.commandLine(), "--from-topic polls the topic's sources continuously; "
                    + "it does not go with --once, --source or --sources");
        }
        Path sourcesFile = fromTopic ? null : config.get(ConfigKeys.SOURCES_FILE);
        var sourceList = fromTopic ? List.<Source>of() : SourcesFile.load(sourcesFile);
        if (backfillSource != null || since != null || until != null) {
            return backfill(config, sourceList);
        }
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaConnection kafka = lifecycle.add(KafkaConnection.forService(config));
            if (once) {
                return pollOnce(lifecycle, kafka, sourceList);
            }
            IngestRuntime runtime = IngestRuntime.start(lifecycle, kafka, sourcesFile);
            System.err.println((fromTopic ? "ingesting this instance's share of the sources on news.sources"
                    : "ingesting the sources of " + sourcesFile + " (" + runtime.synced() + " on news.sources; "
                    + "edits are picked up without a restart)") + " into " + kafka.bootstrapServers()
                    + (runtime.httpPort() >= 0 ? "; /metrics and /health on port " + runtime.httpPort() : "")
                    + ". Press Ctrl-C to stop.");
            lifecycle.awaitShutdown();
        }
        return 0;
    }

    /** {@code --once}: the file's sources, polled once by this instance alone. */
    private static int pollOnce(Lifecycle lifecycle, KafkaConnection kafka, List<Source> sourceList) {
        PoliteFetcher fetcher = lifecycle.add(new PoliteFetcher(FetcherSettings.from(kafka.config())));
        IngestService ingest = lifecycle.add(new IngestService(kafka.config(), kafka.clientProperties(),
                sourceList, fetcher));
        ingest.start();
        IngestStats stats = ingest.pollOnce();
        System.out.println("sources " + stats.sources() + " (failed " + stats.sourceFailures() + "), entries "
                + stats.entries() + ", published " + stats.published() + ", unchanged " + stats.unchanged()
                + ", page failures " + stats.pageFailures());
        return stats.sourceFailures() == stats.sources() && stats.sources() > 0 ? 1 : 0;
    }

    /** {@code --source ID [--since DATE] [--until DATE]}: one pass over the source's history with a progress bar. */
    private int backfill(NewswatchConfig config, List<Source> sourceList) throws Exception {
        if (backfillSource == null) {
            throw new ParameterException(spec.commandLine(), "--since and --until need --source ID");
        }
        Source source = sourceList.stream().filter(s -> s.id().equals(backfillSource)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "unknown source '" + backfillSource
                        + "'; known: " + String.join(", ", sourceList.stream().map(Source::id).toList())));
        DateRange range;
        try {
            Backfill.checkBackfillable(source);
            Instant from = since != null ? DateRange.parseBound(since, false) : source.range().since();
            Instant to = until != null ? DateRange.parseBound(until, true) : source.range().until();
            range = new DateRange(from, to);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Backfill.Summary summary;
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaConnection kafka = lifecycle.add(KafkaConnection.forService(config));
            PoliteFetcher fetcher = lifecycle.add(new PoliteFetcher(FetcherSettings.from(kafka.config())));
            Backfill backfill = lifecycle.add(new Backfill(kafka.config(), kafka.clientProperties(), fetcher));
            ProgressReport bar = ProgressReport.onStderr("backfill");
            try {
                summary = backfill.run(source, range, bar);
            } finally {
                bar.finish();
            }
        }
        System.out.println(String.format(Locale.ROOT, "backfill %s %s: entries %d, published %d, unchanged %d, "
                        + "failed %d in %.1f s (%.1f/s)%s", source.id(), Backfill.describe(range),
                summary.entries(), summary.published(), summary.unchanged(), summary.failed(),
                summary.elapsed().toNanos() / 1e9, summary.rate(), summary.complete() ? "" : ", stopped"));
        return summary.entries() > 0 && summary.failed() == summary.entries() ? 1 : 0;
    }
}
