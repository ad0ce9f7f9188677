package io.newswatch.streams.replay;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Evidence;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.stories.AlertProposals;
import io.newswatch.streams.stories.InMemoryStoryStore;
import io.newswatch.streams.stories.StoryAssigner;
import io.newswatch.streams.stories.TextFingerprint;
import io.newswatch.tagger.Rule;
import io.newswatch.tagger.TagResult;
import io.newswatch.streams.topology.TagResultBounds;
import io.newswatch.streams.topology.TopologyConfig;
import io.newswatch.tagger.Tagger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rules over the archive: every article of {@code news.articles} published in {@code [since, until)} is tagged
 * with the given rules exactly as the live topology tags it ({@link Tagger}, {@link AlertProposals}), and the story
 * step ({@link StoryAssigner}) decides which alerts would have fired. Nothing live is touched: the output goes to
 * the replay's own topics ({@link BacktestOutput}), never to {@code news.tagged}, {@code news.alerts} or a receiver.
 *
 * <p>Two passes. The first reads the archive to the end offsets it has at the start ({@link ArchiveReader}) and
 * tags each article, keeping only the latest version of each (and dropping one whose latest version is out of
 * range); it keeps a fingerprint and the matches, not the text, so memory stays small. The second runs the story
 * step over the kept articles in publication order (ties by article id). The live topology sees articles in
 * arrival order instead, so its stories, and therefore its alert ids, can differ where copies of one story arrive
 * out of publication order; tags and matches are the same.
 *
 * <p>Tagging runs on every core ({@link ArchiveReader} hands each article to a worker and the results back in
 * archive order), everything order-sensitive on one thread. Determinism: the same archive and rules give equal
 * {@link ReplayResult}s and the same records on the output topics, run after run and whatever the number of
 * threads.
 *
 * <p>An article without a publication date is placed by its fetch time.
 */
public final class Replay {
    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    private static final long PURGE_EVERY_MS = StoryAssigner.PURGE_EVERY.toMillis();

    /**
     * One article tagged on a worker, encoded there: its tagged article for the output (null when it has no tag or
     * there is no output), its story candidate and its matches as {@link KeptArticles} keeps them.
     */
    private record Tagged(byte[] output, long eventTime, byte[] candidate, List<KeptArticles.EncodedMatch> matches) {
    }

    /** One article under the two rule versions of a diff. */
    private record Compared(List<ReplayMatch> older, List<ReplayMatch> newer, EventDiff events) {
    }

    private final ArchiveReader archive;

    /** A replay that tags on every core. */
    public Replay(Properties kafkaProps, String clientId) {
        this(kafkaProps, clientId, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param kafkaProps connection properties; copied
     * @param clientId   client id prefix of the replay's clients
     * @param threads    threads that tag; the result does not depend on their number
     */
    public Replay(Properties kafkaProps, String clientId, int threads) {
        this(new ArchiveReader(kafkaProps, clientId + "-replay-read", threads));
    }

    Replay(ArchiveReader archive) {
        this.archive = archive;
    }

    /**
     * Replays {@code tagger}'s rules over the range.
     *
     * @param output      where tagged articles and alerts go (null: nowhere, the result only)
     * @param storyWindow how long a story takes near-duplicates ({@code streams.stories.window})
     * @throws ReplayCancelledException when {@code cancelled} turned true; the output is then left to its owner to
     *                                  remove
     */
    public ReplayResult run(String name, Tagger tagger, Instant since, Instant until, Duration storyWindow,
                            BacktestOutput output, ArchiveReader.Progress progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(tagger, "tagger");
        long start = System.nanoTime();
        // the files go with the lists of the result; a replay that fails or is cancelled deletes them at once
        KeptArticles kept = new KeptArticles();
        SpillFile alertFile = new SpillFile("newswatch-replay-alerts-");
        try {
            ArchiveReader.Counts counts = archive.read((archived, timestamp) -> {
                Instant at = placed(archived, timestamp);
                return at.isBefore(since) || !at.isBefore(until) ? null : tag(tagger, archived, at, timestamp, output);
            }, (archived, timestamp, done) -> {
                if (done == null) {
                    kept.remove(archived.id()); // a later version may move an article out of the range
                    return;
                }
                if (done.output() != null) {
                    output.tagged(archived.id(), done.output());
                }
                kept.put(archived.id(), done.eventTime(), done.candidate(), done.matches());
            }, progress, cancelled);

            long storyStart = System.nanoTime();
            List<Alert> alerts = stories(kept, alertFile, storyWindow, output, cancelled);
            long storyMillis = (System.nanoTime() - storyStart) / 1_000_000;
            if (output != null) {
                output.flush();
            }
            List<ReplayMatch> matches = kept.matches();
            Map<String, String> rules = new LinkedHashMap<>();
            tagger.ruleSet().rules().forEach(r -> rules.put(r.id(), r.title()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("replay {}: {} records read, {} articles in range, {} matches, {} alerts in {} ms (the story "
                    + "step {} ms of it)", name, counts.read(), kept.size(), matches.size(), alerts.size(),
                    took.toMillis(), storyMillis);
            return new ReplayResult(name, since, until, tagger.rulesVersion(), rules, counts.read(), kept.size(),
                    counts.unreadable(), matches, alerts, took);
        } catch (RuntimeException | Error e) {
            kept.close();
            alertFile.close();
            throw e;
        }
    }

    /**
     * The first pass's work on one article in range, on a worker thread: everything that does not depend on the
     * other articles, encoded, so that the reading thread only sends and keeps bytes.
     */
    private static Tagged tag(Tagger tagger, Article archived, Instant at, long timestamp, BacktestOutput output) {
        // bounded as the live topology bounds it (with the default text cap)
        Article article = archived.withTextCappedAt(TopologyConfig.DEFAULT_MAX_TEXT_CHARS);
        TagResult result = TagResultBounds.bound(tagger.tag(article.text()));
        byte[] tagged = output == null || result.tags().isEmpty() ? null : output.taggedRecord(new TaggedArticle(
                TaggedArticle.SCHEMA_VERSION, article, result.entities(), result.tags(), result.mentions(),
                result.evidence(), tagger.rulesVersion(), Instant.ofEpochMilli(timestamp), result.events()));
        // the story step needs neither the text (it gets the fingerprint) nor mentions and evidence
        TaggedArticle stub = new TaggedArticle(TaggedArticle.SCHEMA_VERSION, article.withoutText(),
                result.entities(), result.tags(), List.of(), List.of(), tagger.rulesVersion(),
                Instant.ofEpochMilli(timestamp));
        StoryCandidate candidate = new StoryCandidate(StoryCandidate.SCHEMA_VERSION, stub,
                AlertProposals.propose(tagger, article, result, timestamp), TextFingerprint.of(article.text()));
        List<KeptArticles.EncodedMatch> matches = matches(tagger, article, at, result).stream()
                .map(KeptArticles::encodeMatch).toList();
        return new Tagged(tagged, at.toEpochMilli(), KeptArticles.encodeCandidate(candidate), matches);
    }

    /**
     * Which articles each rule version matches that the other does not, and which violation events each side yields
     * that the other does not (per article, by (commodity, from, to)), over the same range; writes nothing.
     *
     * @throws ReplayCancelledException when {@code cancelled} turned true
     */
    public ReplayDiffResult diff(Tagger older, Tagger newer, Instant since, Instant until,
                                 ArchiveReader.Progress progress, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        Map<String, List<ReplayMatch>> oldMatches = new HashMap<>();
        Map<String, List<ReplayMatch>> newMatches = new HashMap<>();
        Map<String, EventDiff> events = new HashMap<>();
        archive.read((archived, timestamp) -> {
            Instant at = placed(archived, timestamp);
            if (at.isBefore(since) || !at.isBefore(until)) {
                return null;
            }
            Article article = archived.withTextCappedAt(TopologyConfig.DEFAULT_MAX_TEXT_CHARS);
            TagResult oldResult = TagResultBounds.bound(older.tag(article.text()));
            TagResult newResult = TagResultBounds.bound(newer.tag(article.text()));
            return new Compared(matches(older, article, at, oldResult), matches(newer, article, at, newResult),
                    ReplayDiffs.events(article, at, oldResult.events(), newResult.events()));
        }, (archived, timestamp, compared) -> {
            oldMatches.remove(archived.id());
            newMatches.remove(archived.id());
            events.remove(archived.id());
            if (compared == null) {
                return;
            }
            oldMatches.put(archived.id(), compared.older());
            newMatches.put(archived.id(), compared.newer());
            if (compared.events() != null) {
                events.put(archived.id(), compared.events());
            }
        }, progress, cancelled);
        return ReplayDiffs.compare(older, newer, since, until, oldMatches, newMatches, List.copyOf(events.values()),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The story step over the kept articles, in event order, with its state in memory (purged as the live one is,
     * so it holds one story window's articles); each alert goes to the output as it is raised and is kept in
     * {@code alertFile}, not in the heap.
     */
    private static List<Alert> stories(KeptArticles kept, SpillFile alertFile, Duration window,
                                       BacktestOutput output, BooleanSupplier cancelled) {
        StoryAssigner assigner = new StoryAssigner(new InMemoryStoryStore(), window.toMillis());
        var alertSerde = Topics.ALERTS.valueSerde();
        long[][] positions = {new long[1024]};
        int[] count = {0};
        long[] nextPurge = {Long.MIN_VALUE};
        kept.forEachInEventOrder(candidate -> {
            long timestamp = candidate.tagged().taggedAt().toEpochMilli();
            long eventTime = placed(candidate.tagged().article(), timestamp).toEpochMilli();
            if (eventTime >= nextPurge[0]) {
                assigner.purge(eventTime);
                nextPurge[0] = eventTime + PURGE_EVERY_MS;
            }
            for (Alert alert : assigner.assign(candidate, candidate.fingerprint(), timestamp)) {
                if (output != null) {
                    output.alert(alert);
                }
                if (count[0] == positions[0].length) {
                    positions[0] = Arrays.copyOf(positions[0], count[0] * 2);
                }
                positions[0][count[0]++] = alertFile.append(alertSerde.serializer().serialize(Topics.ALERTS.name(),
                        alert));
            }
        }, cancelled);
        alertFile.finishWriting();
        return new SpilledList<>(alertFile, Arrays.copyOf(positions[0], count[0]),
                record -> alertSerde.deserializer().deserialize(Topics.ALERTS.name(), record));
    }

    /** The instant the range and the day use: the publication time, else the fetch time, else the record time. */
    static Instant placed(Article article, long timestamp) {
        if (article.publishedAt() != null) {
            return article.publishedAt();
        }
        return article.fetchedAt() != null ? article.fetchedAt() : Instant.ofEpochMilli(timestamp);
    }

    /**
     * One match per rule the article matched, with the evidence of that rule's tags (each sentence once, the
     * first role it has kept; {@link ReplayMatch} puts the decisive items first) and the article's events.
     */
    static List<ReplayMatch> matches(Tagger tagger, Article article, Instant at, TagResult result) {
        List<ReplayMatch> out = new ArrayList<>();
        for (Rule rule : tagger.ruleSet().rules()) {
            if (result.matched(rule.id())) {
                Set<String> seen = new HashSet<>();
                List<Evidence> evidence = rule.tags().stream().flatMap(t -> result.evidenceFor(t).stream())
                        .filter(e -> seen.add(e.text())).toList();
                out.add(new ReplayMatch(rule.id(), rule.title(), article.id(), at, article.sourceId(),
                        article.title(), article.url(), evidence, result.events()));
            }
        }
        return out;
    }

    /** The names of the replay's topics, for messages. */
    public static List<String> topicNames(String name) {
        return Topics.backtestTopics(name).stream().map(TopicSpec::name).toList();
    }
}
