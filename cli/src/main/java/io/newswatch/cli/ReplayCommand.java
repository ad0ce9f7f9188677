package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.ProgressReport;
import io.newswatch.cli.internal.Rules;
import io.newswatch.ingest.source.DateRange;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.CompactedTopicReader;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.replay.BacktestOutput;
import io.newswatch.streams.replay.Replay;
import io.newswatch.streams.replay.ReplayCancelledException;
import io.newswatch.streams.replay.ReplayDiffResult;
import io.newswatch.streams.replay.ReplayResult;
import io.newswatch.streams.replay.report.ReplayCsv;
import io.newswatch.streams.replay.report.ReplayHtmlReport;
import io.newswatch.streams.replay.report.ReplayTable;
import io.newswatch.streams.rules.RuleRecords;
import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.Tagger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch replay}: runs rules over the archived articles of a publication-date range and reports what
 * they match, without touching anything live; with {@code --diff OLD NEW}, compares two rule versions.
 *
 * <p>Ctrl-C stops the replay within a poll: its topics are deleted and no report is written, so a cancelled replay
 * leaves nothing behind, and nothing live is ever written.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Run rules over the archive (news.articles) for articles published in a range, writing the "
                + "matches and alerts to news.backtest.<name>.tagged/.alerts only (never to the live topics or "
                + "receivers). Prints matches per rule per day and writes <out>/matches.csv and <out>/report.html.",
                "With --diff OLD.yaml NEW.yaml: which articles each rule version matches that the other does not, "
                        + "with evidence, and the violation events each side alone yields per article "
                        + "(<out>/diff.csv, <out>/diff.html); nothing is written to Kafka.",
                "Exit status: 0 on success, 1 when cancelled or Kafka failed, 2 on a usage error."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--since", required = true, paramLabel = "DATE",
            description = "First publication date (2025-03-01, whole day UTC) or instant (2025-03-01T12:00:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Last publication date, inclusive (default: now).")
    String until;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rules to replay (default: the rules on news.rules, else streams.rules.file, else the "
                    + "shipped ruleset).")
    Path rulesFile;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Name of the replay and its topics news.backtest.<NAME>.* (lower-case letters, digits, "
                    + "hyphens; default: replay-<since>-<until>).")
    String name;

    @Option(names = "--replace", description = "Replace the topics of an earlier replay of the same name.")
    boolean replace;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the CSV and HTML reports go "
            + "(default: backtest/<NAME>, or backtest/diff for --diff).")
    Path out;

    @Option(names = "--diff", arity = "2", paramLabel = "RULES.yaml",
            description = "Compare two rule files (old, then new) over the range.")
    List<Path> diff;

    @Option(names = "--show", paramLabel = "N", defaultValue = "10",
            description = "With --diff: articles shown per rule and side (default: ${DEFAULT-VALUE}).")
    int show;

    @Override
    public Integer call() throws Exception {
        Instant from;
        Instant to;
        try {
            from = DateRange.parseBound(since, false);
            to = until == null ? Instant.now() : DateRange.parseBound(until, true).plusNanos(1);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!to.isAfter(from)) {
            throw new ParameterException(spec.commandLine(), "--until is before --since");
        }
        if (diff != null && (rulesFile != null || name != null || replace)) {
            throw new ParameterException(spec.commandLine(), "--diff takes its two rule files and writes no topics: "
                    + "--rules, --name and --replace do not go with it");
        }
        String replayName = name != null ? name : defaultName(from, to);
        try {
            Topics.backtestTopics(replayName);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        NewswatchConfig config = configOptions.load();
        AtomicBoolean cancelled = new AtomicBoolean();
        // Ctrl-C cancels, then waits until the replay has deleted its topics and let go. Not for this thread to
        // end: after a shutdown has begun, the System.exit that follows a command blocks for good.
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancelled.set(true);
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newswatch-replay-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try (KafkaConnection kafka = KafkaConnection.reachable(config)) {
            Properties props = kafka.clientProperties();
            String clientId = config.get(ConfigKeys.CLIENT_ID_PREFIX);
            ensureArchive(props, clientId);
            Replay replay = new Replay(props, clientId);
            ProgressReport bar = ProgressReport.onStderr("replay");
            if (diff != null) {
                return runDiff(replay, from, to, bar, cancelled);
            }
            Tagger tagger = rulesFile != null ? Rules.tagger(rulesFile, config) : liveRules(props, clientId, config);
            Path dir = out != null ? out : Path.of("backtest", replayName);
            BacktestOutput output;
            try {
                output = BacktestOutput.open(props, clientId, replayName, replace);
            } catch (IllegalArgumentException e) {
                System.err.println("newswatch replay: " + e.getMessage());
                return 2;
            }
            ReplayResult result;
            try {
                result = replay.run(replayName, tagger, from, to, config.get(ConfigKeys.STORY_WINDOW), output,
                        bar::update, cancelled::get);
                output.close();
            } catch (RuntimeException e) {
                bar.finish();
                output.discard();
                if (e instanceof ReplayCancelledException) {
                    System.err.println("replay " + replayName + " cancelled: its topics were deleted, nothing live "
                            + "was written");
                    return 1;
                }
                throw e;
            }
            bar.finish();
            Files.createDirectories(dir);
            ReplayCsv.writeMatches(result, dir.resolve("matches.csv"));
            ReplayHtmlReport.write(result, dir.resolve("report.html"));
            System.out.print(ReplayTable.perRulePerDay(result));
            System.out.println(ReplayTable.summary(result));
            System.out.println("topics: " + String.join(", ", Replay.topicNames(replayName)));
            System.out.println("reports: " + dir.resolve("matches.csv") + ", " + dir.resolve("report.html"));
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for us
            }
            finished.countDown();
        }
    }

    private int runDiff(Replay replay, Instant from, Instant to, ProgressReport bar, AtomicBoolean cancelled)
            throws Exception {
        Tagger older = Tagger.withRules(RuleSet.load(diff.get(0)));
        Tagger newer = Tagger.withRules(RuleSet.load(diff.get(1)));
        ReplayDiffResult result;
        try {
            result = replay.diff(older, newer, from, to, bar::update, cancelled::get);
        } catch (ReplayCancelledException e) {
            bar.finish();
            System.err.println("replay --diff cancelled");
            return 1;
        }
        bar.finish();
        Path dir = out != null ? out : Path.of("backtest", "diff");
        Files.createDirectories(dir);
        ReplayCsv.writeDiff(result, dir.resolve("diff.csv"));
        ReplayHtmlReport.writeDiff(result, dir.resolve("diff.html"));
        System.out.print(ReplayTable.diffText(result, show));
        System.out.println("reports: " + dir.resolve("diff.csv") + ", " + dir.resolve("diff.html"));
        return 0;
    }

    /** The rules on news.rules when there are any (what the live pipeline uses), else the configured ones. */
    private static Tagger liveRules(Properties props, String clientId, NewswatchConfig config) {
        Map<String, String> records = CompactedTopicReader.read(props, clientId + "-replay-rules", Topics.RULES);
        RuleSet pushed = RuleRecords.merge(records);
        if (pushed != null) {
            System.err.println("replaying the " + pushed.rules().size() + " rules on " + Topics.RULES.name());
            return Tagger.withRules(pushed);
        }
        return Rules.tagger(null, config);
    }

    private static void ensureArchive(Properties props, String clientId) {
        Properties p = (Properties) props.clone();
        p.put("client.id", clientId + "-replay-admin");
        try (Admin admin = Admin.create(p)) {
            TopicAdmin.ensureTopics(admin, List.of(Topics.ARTICLES, Topics.RULES));
        }
    }

    /** {@code replay-20250301-20250331}: the same range gives the same name. */
    static String defaultName(Instant from, Instant to) {
        String a = from.toString().substring(0, 10).replace("-", "");
        String b = to.minusNanos(1).toString().substring(0, 10).replace("-", "");
        return "replay-" + a + "-" + b;
    }
}
