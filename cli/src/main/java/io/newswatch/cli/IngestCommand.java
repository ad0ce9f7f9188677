package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.ingest.IngestService;
import io.newswatch.ingest.IngestStats;
import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.source.SourcesFile;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Polls the configured sources and publishes new and changed articles to news.articles. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Poll the sources (RSS/Atom feeds) politely, extract each article and publish it to news.articles.",
                "An article is published once; again only when its content changed."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--sources", paramLabel = "FILE", description = "Sources file (default: ingest.sources.file, config/sources.yaml).")
    Path sources;

    @Option(names = "--once", description = "Poll every source once, print what was published, and exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        NewswatchConfig config = configOptions.load();
        if (sources != null) {
            config = config.with(ConfigKeys.SOURCES_FILE, sources.toString());
        }
        Path sourcesFile = config.get(ConfigKeys.SOURCES_FILE);
        var sourceList = SourcesFile.load(sourcesFile);
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaConnection kafka = lifecycle.add(KafkaConnection.configuredOrLocal(config));
            PoliteFetcher fetcher = lifecycle.add(new PoliteFetcher(FetcherSettings.from(kafka.config())));
            IngestService ingest = lifecycle.add(new IngestService(kafka.config(), kafka.clientProperties(),
                    sourceList, fetcher));
            ingest.start();
            if (once) {
                IngestStats stats = ingest.pollOnce();
                System.out.println("sources " + stats.sources() + " (failed " + stats.sourceFailures() + "), entries "
                        + stats.entries() + ", published " + stats.published() + ", unchanged " + stats.unchanged()
                        + ", page failures " + stats.pageFailures());
                return stats.sourceFailures() == stats.sources() && stats.sources() > 0 ? 1 : 0;
            }
            System.err.println("ingesting " + sourceList.size() + " sources from " + sourcesFile + " into "
                    + kafka.bootstrapServers() + ". Press Ctrl-C to stop.");
            Thread loop = new Thread(ingest::runUntilStopped, "newswatch-ingest");
            loop.start();
            lifecycle.awaitShutdown();
            loop.join(10_000);
        }
        return 0;
    }
}
