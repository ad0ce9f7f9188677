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
     * One kept article: what the second pass and the result need, and nothing more (no text, no mentions, no
     * evidence beyond its matches'), since a replay keeps one per article in range.
     */
    private record Kept(Article stub, long eventTime, long timestamp, long fingerprint, List<String> entities,
                        List<String> tags, List<Alert> proposals, List<ReplayMatch> matches) {
    }

    /** One article tagged on a worker: what the output gets (null when no tag), and what the story step keeps. */
    private record Tagged(TaggedArticle tagged, Kept kept) {
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
        Map<String, Kept> kept = new HashMap<>();
        ArchiveReader.Counts counts = archive.read((archived, timestamp) -> {
            Instant at = placed(archived, timestamp);
            if (at.isBefore(since) || !at.isBefore(until)) {
                return null;
            }
            // bounded as the live topology bounds it (with the default text cap)
            Article article = archived.withTextCappedAt(TopologyConfig.DEFAULT_MAX_TEXT_CHARS);
            TagResult result = TagResultBounds.bound(tagger.tag(article.text()));
            TaggedArticle tagged = result.tags().isEmpty() ? null : new TaggedArticle(TaggedArticle.SCHEMA_VERSION,
                    article, result.entities(), result.tags(), result.mentions(), result.evidence(),
                    tagger.rulesVersion(), Instant.ofEpochMilli(timestamp), result.events());
            return new Tagged(tagged, new Kept(stub(article), at.toEpochMilli(), timestamp,
                    TextFingerprint.of(article.text()), result.entities(), result.tags(),
                    AlertProposals.propose(tagger, article, result, timestamp), matches(tagger, article, at, result)));
        }, (archived, timestamp, done) -> {
            if (done == null) {
                kept.remove(archived.id()); // a later version may move an article out of the range
                return;
            }
            if (output != null && done.tagged() != null) {
                output.tagged(done.tagged());
            }
            kept.put(archived.id(), done.kept());
        }, progress, cancelled);

        List<Kept> ordered = new ArrayList<>(kept.values());
        ordered.sort(Comparator.comparingLong(Kept::eventTime).thenComparing(k -> k.stub().id()));
        List<Alert> alerts = stories(ordered, tagger.rulesVersion(), storyWindow, cancelled);
        if (output != null) {
            alerts.forEach(output::alert);
            output.flush();
        }
        List<ReplayMatch> matches = ordered.stream().flatMap(k -> k.matches().stream()).toList();
        Map<String, String> rules = new LinkedHashMap<>();
        tagger.ruleSet().rules().forEach(r -> rules.put(r.id(), r.title()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("replay {}: {} records read, {} articles in range, {} matches, {} alerts in {} ms", name,
                counts.read(), ordered.size(), matches.size(), alerts.size(), took.toMillis());
        return new ReplayResult(name, since, until, tagger.rulesVersion(), rules, counts.read(), ordered.size(),
                counts.unreadable(), matches, alerts, took);
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

    /** The story step over the kept articles, in order, with the state in memory. */
    private static List<Alert> stories(List<Kept> ordered, String rulesVersion, Duration window,
                                       BooleanSupplier cancelled) {
        StoryAssigner assigner = new StoryAssigner(new InMemoryStoryStore(), window.toMillis());
        List<Alert> alerts = new ArrayList<>();
        long nextPurge = Long.MIN_VALUE;
        for (Kept k : ordered) {
            if (cancelled.getAsBoolean()) {
                throw new ReplayCancelledException();
            }
            if (k.eventTime() >= nextPurge) {
                assigner.purge(k.eventTime());
                nextPurge = k.eventTime() + PURGE_EVERY_MS;
            }
            TaggedArticle tagged = new TaggedArticle(TaggedArticle.SCHEMA_VERSION, k.stub(), k.entities(),
                    k.tags(), List.of(), List.of(), rulesVersion, Instant.ofEpochMilli(k.timestamp()));
            alerts.addAll(assigner.assign(new StoryCandidate(StoryCandidate.SCHEMA_VERSION, tagged, k.proposals()),
                    k.fingerprint(), k.timestamp()));
        }
        return alerts;
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

    /** The article without its text: what the story step and the alerts need. */
    private static Article stub(Article a) {
        return new Article(a.schemaVersion(), a.id(), a.url(), a.sourceId(), a.title(), a.byline(), a.publishedAt(),
                a.fetchedAt(), a.language(), "", a.contentHash());
    }

    /** The names of the replay's topics, for messages. */
    public static List<String> topicNames(String name) {
        return Topics.backtestTopics(name).stream().map(TopicSpec::name).toList();
    }
}
