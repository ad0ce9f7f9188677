package io.newswatch.cli;

import io.newswatch.benchmarks.synthetic.Mix;
import io.newswatch.benchmarks.synthetic.SyntheticArticles;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.cli.bench.ArchiveLoader;
import io.newswatch.cli.bench.Rate;
import io.newswatch.cli.bench.ReplayCeilings;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.ProgressReport;
import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.replay.BacktestOutput;
import io.newswatch.streams.replay.Replay;
import io.newswatch.streams.replay.ReplayResult;
import io.newswatch.tagger.Tagger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newswatch bench replay}: loads N synthetic articles ({@link SyntheticArticles}, a fixed seed, so every run
 * replays the same archive) into {@code news.articles} of a fresh embedded broker, replays the shipped rules over
 * all of them with output to a backtest topic, and prints the load and replay rates, and in the same run the two
 * limits of a replay ({@link ReplayCeilings}): the raw read rate of the archive and the tagging ceiling of this
 * machine's cores, with the replay's rate as a share of the lower one.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Load a synthetic archive into an embedded broker and time a replay of the shipped rules over "
                + "it: articles/s and MB/s of the load and of the replay.",
                "The broker lives in a temporary directory, deleted afterwards."})
final class BenchReplayCommand implements Callable<Integer> {
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-04-01T00:00:00Z");
    /** Articles the tagging ceiling is measured on: enough for a steady rate, few enough to hold in memory. */
    private static final long TAGGING_SAMPLE = 20_000;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "100000", description = "Articles in the archive "
            + "(default: ${DEFAULT-VALUE}).")
    long articles;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "5000", description = "Text bytes per article (default: "
            + "${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20250101", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        NewswatchConfig config = configOptions.load();
        Path dataDir = Files.createTempDirectory("newswatch-bench-replay");
        try (KafkaConnection kafka = KafkaConnection.configuredOrEmbedded(config,
                new BrokerOptions(0, dataDir, true))) {
            Properties props = kafka.clientProperties();
            try (Admin admin = Admin.create(props)) {
                TopicAdmin.ensureTopics(admin, List.of(Topics.ARTICLES));
            }
            SyntheticArticles generator = new SyntheticArticles(Mix.NEWS_FEED, seed, size, FROM, TO);
            System.err.println("loading " + articles + " synthetic articles of ~" + size + " bytes into "
                    + Topics.ARTICLES.name() + " at " + kafka.bootstrapServers());
            ProgressReport loadBar = ProgressReport.onStderr("load");
            Rate loaded = ArchiveLoader.load(props, generator, articles,
                    n -> loadBar.update(n, articles));
            loadBar.finish();

            String name = "bench-" + seed + "-" + articles;
            ProgressReport replayBar = ProgressReport.onStderr("replay");
            ReplayResult result;
            try (BacktestOutput output = BacktestOutput.open(props, config.get(ConfigKeys.CLIENT_ID_PREFIX), name,
                    true)) {
                result = new Replay(props, config.get(ConfigKeys.CLIENT_ID_PREFIX)).run(name,
                        Tagger.withDefaultRules(), FROM, TO, config.get(ConfigKeys.STORY_WINDOW), output,
                        replayBar::update, () -> false);
            }
            replayBar.finish();
            Duration took = result.took();
            // the two limits, measured in this run: the archive read with no processing, and tagging alone on
            // every core over a sample of the same articles
            Rate raw = ReplayCeilings.rawRead(props);
            int cores = Runtime.getRuntime().availableProcessors();
            List<Article> sample = generator.stream(Math.min(articles, TAGGING_SAMPLE)).toList();
            Rate tagging = ReplayCeilings.tagging(Tagger.withDefaultRules(), sample, cores);
            System.out.println(String.format(Locale.ROOT,
                    "load:   %,d articles, %.1f MB in %.1f s: %,.0f articles/s, %.1f MB/s",
                    loaded.count(), loaded.bytes() / 1e6, loaded.took().toNanos() / 1e9,
                    loaded.perSecond(), loaded.megabytesPerSecond()));
            System.out.println(String.format(Locale.ROOT,
                    "replay: %,d articles read, %,d in range, %,d matches, %,d alerts in %.1f s: %,.0f articles/s, "
                            + "%.1f MB/s", result.articlesRead(), result.inRange(), result.matches().size(),
                    result.alerts().size(), took.toNanos() / 1e9, result.rate(),
                    loaded.bytes() / 1e6 / Math.max(took.toNanos() / 1e9, 1e-9)));
            System.out.println(String.format(Locale.ROOT,
                    "raw read:        %,d records in %.1f s: %,.0f articles/s, %.1f MB/s (no processing)",
                    raw.count(), raw.took().toNanos() / 1e9, raw.perSecond(), raw.megabytesPerSecond()));
            System.out.println(String.format(Locale.ROOT,
                    "tagging ceiling: %,d articles in %.1f s on %d cores: %,.0f articles/s, %.1f MB/s (tagging "
                            + "and events alone)", tagging.count(), tagging.took().toNanos() / 1e9, cores,
                    tagging.perSecond(), tagging.megabytesPerSecond()));
            double ceiling = Math.min(raw.perSecond(), tagging.perSecond());
            System.out.println(String.format(Locale.ROOT,
                    "replay / lower ceiling: %.2f (%,.0f of %,.0f articles/s, the %s)", result.rate() / ceiling,
                    result.rate(), ceiling, raw.perSecond() <= tagging.perSecond() ? "raw read" : "tagging ceiling"));
            return 0;
        }
    }
}
