package io.newswatch.cli.demo;

import io.newswatch.alerts.DeliveryPlan;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.cli.internal.ConsoleServer;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.model.LedgerFilter;
import io.newswatch.cli.internal.LedgerFormat;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.cli.internal.Pipeline;
import io.newswatch.cli.internal.PipelineProgress;
import io.newswatch.console.Console;
import io.newswatch.console.ConsoleOptions;
import io.newswatch.ingest.IngestStats;
import io.newswatch.ingest.source.Source;
import io.newswatch.model.Alert;
import io.newswatch.model.Ids;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.CompactedTopicReader;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.Tagger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The offline demo: a sample news site on loopback, the whole pipeline on the embedded broker (or the configured
 * cluster), every alert printed as it arrives and written to a JSONL file, and a summary once every sample
 * article went through, with the violations ledger the sample's alerts fed ({@code news.events}).
 */
public final class DemoRun {
    /** What the demo did. */
    public record Summary(int articles, int published, int tagged, Map<String, Integer> alertsByRule,
                          Set<String> alertedArticleIds, long firstAlertMillis, long totalMillis,
                          List<ViolationRecord> events) {
        public int alerts() {
            return alertsByRule.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final NewswatchConfig baseConfig;
    private final Path alertsFile;
    private final Path workDir;
    private final Duration timeout;
    private final PrintStream out;
    private String bootstrapServers;

    /**
     * @param config     the user's configuration (bootstrap servers decide embedded or not)
     * @param alertsFile the JSONL file to write (replaced)
     * @param workDir    a scratch directory for the broker's and the topology's state
     * @param timeout    how long to wait for the pipeline before giving up
     */
    private ConsoleOptions console;
    private Consumer<Summary> whenFinished = summary -> { };

    public DemoRun(NewswatchConfig config, Path alertsFile, Path workDir, Duration timeout, PrintStream out) {
        this.baseConfig = config;
        this.alertsFile = alertsFile;
        this.workDir = workDir;
        this.timeout = timeout;
        this.out = out;
    }

    /**
     * After the next {@link #run} has finished, hand its summary to {@code whenFinished}, serve the console with
     * these options and keep the pipeline up until Ctrl-C before returning.
     */
    public DemoRun thenServeConsole(ConsoleOptions options, Consumer<Summary> whenFinished) {
        this.console = options;
        this.whenFinished = whenFinished;
        return this;
    }

    /** Runs the demo; throws with a one-line reason when the pipeline did not finish in time. */
    public Summary run() throws Exception {
        long t0 = System.nanoTime();
        Files.deleteIfExists(alertsFile);
        try (Lifecycle lifecycle = new Lifecycle()) {
            List<SampleArticle> sample = SampleArticle.all();
            DemoSite site = lifecycle.add(DemoSite.start(0, sample));
            NewswatchConfig config = baseConfig
                    .with(ConfigKeys.ALERTS_FILE, alertsFile.toString())
                    // The sample spans days and arrives in one poll, out of publication order: trend counts take
                    // all of it, instead of dropping the older articles as late (with a Kafka warning for each).
                    .with(ConfigKeys.STREAMS_COUNTS_GRACE, countsGrace(sample).toHours() + "h")
                    // Our own loopback site: no need for the one-second courtesy pause real hosts get, and the
                    // fetcher, which refuses non-public addresses, must be allowed to reach it.
                    .with(ConfigKeys.HOST_DELAY, "10ms")
                    .with(ConfigKeys.FETCH_ALLOW_ADDRESSES, "127.0.0.1")
                    .with(ConfigKeys.STATE_DIR, workDir.resolve("streams").toString())
                    .with(ConfigKeys.STREAMS_APPLICATION_ID, "newswatch-demo")
                    .with(ConfigKeys.ALERTS_GROUP_ID, "newswatch-demo-alerts");
            KafkaConnection kafka = lifecycle.add(KafkaConnection.configuredOrEmbedded(config,
                    new BrokerOptions(0, workDir.resolve("kafka"), false)));
            out.println("Demo: sample site at " + site.baseUrl() + ", Kafka at " + kafka.bootstrapServers()
                    + (kafka.isEmbedded() ? " (embedded)" : ""));
            Source source = new Source("demo-dispatch", "rss", site.feedUrl(), Duration.ofMinutes(10), "en");

            Map<String, Integer> byRule = new ConcurrentHashMap<>();
            Set<String> alerted = ConcurrentHashMap.newKeySet();
            AtomicLong firstAlert = new AtomicLong(-1);
            Pipeline pipeline = Pipeline.start(lifecycle, kafka, Tagger.withDefaultRules(),
                    DeliveryPlan.fromConfig(kafka.config(), System.out), List.of(source));
            pipeline.alerts().onDelivered((Alert a) -> {
                firstAlert.compareAndSet(-1, Duration.ofNanos(System.nanoTime() - t0).toMillis());
                byRule.merge(a.ruleId(), 1, Integer::sum);
                alerted.add(a.articleId());
            });

            IngestStats stats = pipeline.ingest().pollOnce();
            if (stats.sourceFailures() > 0) {
                throw new IllegalStateException("the demo site's feed could not be read (see the log above)");
            }
            Set<String> expected = site.articles().stream().map(a -> Ids.articleId(site.baseUrl() + a.path()))
                    .collect(Collectors.toSet());
            try (PipelineProgress progress = new PipelineProgress(kafka.clientProperties())) {
                Set<String> missing = progress.awaitTagged(expected, timeout);
                if (!missing.isEmpty()) {
                    throw new IllegalStateException(missing.size() + " of " + expected.size()
                            + " sample articles did not reach news.tagged within " + timeout.toSeconds() + " s");
                }
                if (!progress.awaitAlertsDelivered(config.get(ConfigKeys.STREAMS_APPLICATION_ID),
                        config.get(ConfigKeys.ALERTS_GROUP_ID), timeout)) {
                    throw new IllegalStateException("the alerts service did not deliver every alert within "
                            + timeout.toSeconds() + " s");
                }
            }
            // the story step writes the ledger in the transactions that hold the alerts: delivered alerts mean
            // their events are committed on news.events
            List<ViolationRecord> events = LedgerFilter.all().select(CompactedTopicReader.read(
                    kafka.clientProperties(), config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-demo-events",
                    Topics.EVENTS).values().stream()
                    .filter(r -> r.reports().stream().anyMatch(rep -> expected.contains(rep.articleId())))
                    .toList());
            long total = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            bootstrapServers = kafka.isEmbedded() ? null : kafka.bootstrapServers();
            Summary summary = new Summary(expected.size(), stats.published(), expected.size(),
                    new TreeMap<>(byRule), Set.copyOf(alerted), firstAlert.get(), total, events);
            if (console != null) {
                whenFinished.accept(summary);
                Console served = ConsoleServer.start(lifecycle, kafka, console);
                out.println();
                out.println("The console is at " + served.url() + " with the demo's alerts, articles and ledger; the "
                        + "demo's broker and pipeline stay up until Ctrl-C.");
                lifecycle.awaitShutdown();
            }
            return summary;
        }
    }

    /** A trend-count grace that takes every sample article, in whatever order they arrive. */
    static Duration countsGrace(List<SampleArticle> sample) {
        Instant first = sample.stream().map(SampleArticle::published).min(Instant::compareTo).orElseThrow();
        Instant last = sample.stream().map(SampleArticle::published).max(Instant::compareTo).orElseThrow();
        // a window closes at its hour's end plus the grace: one hour more covers the first article's whole hour
        return Duration.between(first, last).plusHours(2).truncatedTo(ChronoUnit.HOURS);
    }

    /** The closing summary, as printed. */
    public static void print(Summary s, Path alertsFile, PrintStream out) throws IOException {
        out.println();
        out.printf("Demo finished in %.1f s: %d articles ingested (%d new), %d tagged, %d alerts on %d articles%s%n",
                s.totalMillis() / 1000.0, s.articles(), s.published(), s.tagged(), s.alerts(),
                s.alertedArticleIds().size(),
                s.firstAlertMillis() < 0 ? "" : String.format(" (first alert after %.1f s)", s.firstAlertMillis() / 1000.0));
        s.alertsByRule().forEach((rule, n) -> out.printf("  %-22s %d%n", rule, n));
        out.println("Alerts written to " + alertsFile + (Files.exists(alertsFile)
                ? " (" + Files.readAllLines(alertsFile).size() + " lines)" : ""));
        out.println();
        out.println("Violations ledger (" + Topics.EVENTS.name() + "): " + s.events().size()
                + (s.events().size() == 1 ? " event" : " events"));
        if (!s.events().isEmpty()) {
            LedgerFormat.table(s.events()).forEach(line -> out.println("  " + line));
        }
    }

    /**
     * How to list the ledger again: against the cluster the demo used, or, after a demo on its own embedded broker
     * (gone when the demo ends), with a broker that outlives it.
     *
     * @param bootstrapServers the cluster the demo used, or null for its embedded broker
     * @param brokerPort       the port {@code newswatch broker} listens on ({@code broker.port})
     */
    public static void printLedgerHint(String bootstrapServers, int brokerPort, PrintStream out) {
        if (bootstrapServers != null) {
            out.println("List it again, filtered or as CSV: newswatch events -b " + bootstrapServers
                    + " [--commodity C] [--since 7d] [--csv]");
        } else {
            out.println("The demo's embedded broker is gone now. To keep its ledger: start `newswatch broker` in "
                    + "another terminal, run `newswatch demo -b 127.0.0.1:" + brokerPort + "`, then `newswatch events` "
                    + "(--commodity, --from, --to, --since, --vessel, --place; --json or --csv).");
        }
    }

    /** The cluster the last {@link #run} used, or null when it was the demo's own embedded broker. */
    public String bootstrapServers() {
        return bootstrapServers;
    }
}
