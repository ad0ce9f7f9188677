package io.newswatch.cli;

import io.newswatch.benchmarks.synthetic.Mix;
import io.newswatch.benchmarks.synthetic.SyntheticArticles;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.cli.bench.ArchiveLoader;
import io.newswatch.cli.bench.HeapWatch;
import io.newswatch.cli.bench.MemoryUse;
import io.newswatch.cli.bench.ProcessActivity;
import io.newswatch.cli.bench.Rate;
import io.newswatch.cli.bench.ReplayCeilings;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.ProgressReport;
import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKey;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newswatch bench replay}: loads N synthetic articles ({@link SyntheticArticles}, a fixed seed, so every run
 * replays the same archive) into {@code news.articles} of a fresh embedded broker, replays the shipped rules over
 * all of them with output to backtest topics, twice by default (the first replay runs while the JIT compiler is
 * still at work, the second warm), and prints the load and replay rates with the cores each replay kept busy, and in
 * the same run the two limits of a replay ({@link ReplayCeilings}): the raw read rate of the archive and the tagging
 * ceiling of this machine's cores, both measured warm, with the last replay's rate as a share of the lower one; and
 * the heap the run needed ({@link HeapWatch}).
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

    @Option(names = "--replays", paramLabel = "N", defaultValue = "2", description = "Replays of the archive in "
            + "one run, the last one compared with the limits (default: ${DEFAULT-VALUE}: the first runs while the "
            + "JIT compiler works, the second warm).")
    int replays;

    @Option(names = "--warm-up", paramLabel = "DURATION", defaultValue = "60s", description = "Longest warm-up of "
            + "the tagging ceiling: it is timed once the JIT compiler is done with the tagger, or after this "
            + "(default: ${DEFAULT-VALUE}; 0s: one untimed pass).")
    String warmUp;

    /** One timed replay, with what the process did meanwhile ({@link ProcessActivity#describe()}). */
    private record ReplayRun(ReplayResult result, String activity) {
        void print(Rate loaded, String label) {
            Duration took = result.took();
            System.out.println(String.format(Locale.ROOT,
                    "%s %,d articles read, %,d in range, %,d matches, %,d alerts in %.1f s: %,.0f articles/s, "
                            + "%.1f MB/s; %s", label,
                    result.articlesRead(), result.inRange(), result.matches().size(), result.alerts().size(),
                    took.toNanos() / 1e9, result.rate(), loaded.bytes() / 1e6 / Math.max(took.toNanos() / 1e9, 1e-9),
                    activity));
        }
    }

    @Override
    public Integer call() throws Exception {
        if (replays < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--replays must be at least 1");
        }
        Duration warmUpCap = ConfigKey.parseDuration(warmUp);
        NewswatchConfig config = configOptions.load();
        Path dataDir = Files.createTempDirectory("newswatch-bench-replay");
        try (KafkaConnection kafka = KafkaConnection.configuredOrEmbedded(config,
                new BrokerOptions(0, dataDir, true))) {
            Properties props = kafka.clientProperties();
            HeapWatch heap = new HeapWatch();
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

            // the first replay runs while the JIT compiles the tagger and the codecs; the limits are measured warm
            // (after an untimed pass), so the replay they are compared with is the last one, warm as well: a replay
            // of a year of news spends all but its first seconds like that
            // one tagger for every replay and the ceiling, as one long-running process keeps its rules
            Tagger tagger = Tagger.withDefaultRules();
            long loadPeak = heap.takePeak();
            List<ReplayRun> runs = new ArrayList<>();
            for (int i = 1; i <= replays; i++) {
                runs.add(replay(props, config, tagger, "bench-" + seed + "-" + articles + "-" + i, i));
                if (i == 1) {
                    printLoad(loaded);
                }
                runs.get(i - 1).print(loaded, replays == 1 ? "replay:" : i == 1 ? "replay, first run (JIT compiling):"
                        : i == replays ? "replay, warm:" : "replay, run " + i + ":");
            }
            long replayPeak = heap.takePeak();
            Rate raw = ReplayCeilings.rawRead(props);
            int cores = Runtime.getRuntime().availableProcessors();
            List<Article> sample = generator.stream(Math.min(articles, TAGGING_SAMPLE)).toList();
            ReplayCeilings.Tagging measured = ReplayCeilings.tagging(tagger, sample, cores, warmUpCap);
            Rate tagging = measured.rate();
            System.out.println(String.format(Locale.ROOT,
                    "raw read:        %,d records in %.1f s: %,.0f articles/s, %.1f MB/s (no processing)",
                    raw.count(), raw.took().toNanos() / 1e9, raw.perSecond(), raw.megabytesPerSecond()));
            System.out.println(String.format(Locale.ROOT,
                    "tagging ceiling: %,d articles in %.1f s on %d cores: %,.0f articles/s, %.1f MB/s (tagging "
                            + "and events alone)", tagging.count(), tagging.took().toNanos() / 1e9, cores,
                    tagging.perSecond(), tagging.megabytesPerSecond()));
            if (measured.warmUp() != null) {
                System.out.println("  its warm-up: " + measured.warmUp().describe());
            }
            double ceiling = Math.min(raw.perSecond(), tagging.perSecond());
            double rate = runs.get(runs.size() - 1).result().rate();
            System.out.println(String.format(Locale.ROOT,
                    "replay / lower ceiling: %.2f (%,.0f of %,.0f articles/s, the %s; target 0.50)", rate / ceiling,
                    rate, ceiling, raw.perSecond() <= tagging.perSecond() ? "raw read" : "tagging ceiling"));
            System.out.println(String.format(Locale.ROOT,
                    "heap: at most %,d MiB in use after a collection while loading, %,d MiB while replaying, %,d "
                            + "MiB while measuring the limits, of %,d MiB max; at the end %s", loadPeak >> 20,
                    replayPeak >> 20, heap.takePeak() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                    MemoryUse.now().describe()));
            heap.close();
            return 0;
        }
    }

    private static void printLoad(Rate loaded) {
        System.out.println(String.format(Locale.ROOT,
                "load:   %,d articles, %.1f MB in %.1f s: %,.0f articles/s, %.1f MB/s",
                loaded.count(), loaded.bytes() / 1e6, loaded.took().toNanos() / 1e9,
                loaded.perSecond(), loaded.megabytesPerSecond()));
    }

    /** Replays the shipped rules over the whole archive into backtest topics of its own, with a progress bar. */
    private ReplayRun replay(Properties props, NewswatchConfig config, Tagger tagger, String name, int run) {
        ProgressReport bar = ProgressReport.onStderr(replays > 1 ? "replay " + run : "replay");
        ProcessActivity activity = new ProcessActivity();
        ReplayResult result;
        try (BacktestOutput output = BacktestOutput.open(props, config.get(ConfigKeys.CLIENT_ID_PREFIX), name,
                true)) {
            result = new Replay(props, config.get(ConfigKeys.CLIENT_ID_PREFIX)).run(name, tagger,
                    FROM, TO, config.get(ConfigKeys.STORY_WINDOW), output, bar::update, () -> false);
        }
        bar.finish();
        return new ReplayRun(result, activity.describe());
    }
}
