package io.newswatch.model.topics;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Delivery;
import io.newswatch.model.Silence;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.TrendKeys;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.serde.JsonSerde;
import io.newswatch.model.serde.StoryCandidateSerde;
import io.newswatch.model.serde.TrendKeysSerde;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of every topic newswatch reads or writes. No topic name is written anywhere else.
 *
 * <p>{@code news.articles} and {@code news.rules} are compacted: the first is the archive every replay reads
 * (the latest version of each article is kept forever), the second holds the current version of each rule.
 */
public final class Topics {
    /** Partitions of the data topics; enough for a handful of instances to share the work. */
    public static final int DEFAULT_PARTITIONS = 3;

    private static final Map<String, String> COMPACTED = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "3600000");
    private static final Map<String, String> KEEP_30_DAYS = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(30L * 24 * 3600 * 1000));

    /** Every ingested article, keyed by article id; compacted, so it is the archive. */
    public static final TopicSpec<String, Article> ARTICLES = new TopicSpec<>("news.articles",
            Serdes.String(), JsonSerde.of(Article.class), DEFAULT_PARTITIONS, COMPACTED);

    /** Every article with its entities, tags and evidence, keyed by article id. */
    public static final TopicSpec<String, TaggedArticle> TAGGED = new TopicSpec<>("news.tagged",
            Serdes.String(), JsonSerde.of(TaggedArticle.class), DEFAULT_PARTITIONS, KEEP_30_DAYS);

    /**
     * The keys each tagged article counts under in the hourly trend counts ({@link TrendKeys}, a few bytes), keyed
     * by article id and stamped with the article's event time; written by the tagging step, so the counting step
     * does not read the articles again. An article with no entity and no tag writes nothing.
     */
    public static final TopicSpec<String, TrendKeys> TREND_KEYS = new TopicSpec<>("news.trend.keys",
            Serdes.String(), new TrendKeysSerde(), DEFAULT_PARTITIONS, Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000)));

    /** Every alert, keyed by alert id. */
    public static final TopicSpec<String, Alert> ALERTS = new TopicSpec<>("news.alerts",
            Serdes.String(), JsonSerde.of(Alert.class), DEFAULT_PARTITIONS, KEEP_30_DAYS);

    /**
     * The violations ledger, keyed by event id ({@link io.newswatch.model.Ids#eventId}); compacted, so it holds one
     * record per breach, revised as each outlet reports it ({@link ViolationRecord}).
     */
    public static final TopicSpec<String, ViolationRecord> EVENTS = new TopicSpec<>("news.events",
            Serdes.String(), JsonSerde.of(ViolationRecord.class), DEFAULT_PARTITIONS, COMPACTED);

    /** The rules in force, keyed by rule id, value the rule's YAML; compacted, a null value removes a rule. */
    public static final TopicSpec<String, String> RULES = new TopicSpec<>("news.rules",
            Serdes.String(), Serdes.String(), 1, COMPACTED);

    /**
     * Tagged articles with their proposed alerts, on their way to story assignment. One partition on purpose:
     * tagging runs in parallel by article id, but near-duplicates from different outlets have different ids, so
     * the (cheap) story step must see every article in one place to group them.
     */
    public static final TopicSpec<String, StoryCandidate> STORY_CANDIDATES = new TopicSpec<>(
            "news.story.candidates", Serdes.String(), new StoryCandidateSerde(), 1, Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000)));

    /** Records that could not be processed, byte for byte, with error headers ({@link DeadLetterHeaders}). */
    public static final TopicSpec<byte[], byte[]> DLQ = new TopicSpec<>("news.dlq",
            Serdes.ByteArray(), Serdes.ByteArray(), 1, KEEP_30_DAYS);

    /**
     * The sources ingest polls, keyed by source id, value the source's YAML map (the sources file's keys);
     * compacted, a null value removes a source. Ingest instances split its partitions through one consumer group,
     * so more partitions than instances lets each take a share.
     */
    public static final TopicSpec<String, String> SOURCES = new TopicSpec<>("news.sources",
            Serdes.String(), Serdes.String(), 12, COMPACTED);

    /** The latest health and counters of each source, keyed by source id, written by the instance polling it. */
    public static final TopicSpec<String, SourceStatus> SOURCE_STATUS = new TopicSpec<>("news.sources.status",
            Serdes.String(), JsonSerde.of(SourceStatus.class), 1, COMPACTED);

    /**
     * The silences, keyed by silence id; compacted, so every alerts instance (and one restarted) reads them all.
     * Expiring a silence writes it again with an earlier end, so ended ones stay as history.
     */
    public static final TopicSpec<String, Silence> SILENCES = new TopicSpec<>("news.silences",
            Serdes.String(), JsonSerde.of(Silence.class), 1, COMPACTED);

    /**
     * Alerts a receiver gave up on (attempts or age exhausted), byte for byte as they were on {@link #ALERTS}, with
     * {@link DeadLetterHeaders} plus the receiver's name; {@code newswatch dlq --topic news.alerts.dlq --redrive}
     * puts them back. Kept as long as the alerts themselves.
     */
    public static final TopicSpec<byte[], byte[]> ALERTS_DLQ = new TopicSpec<>("news.alerts.dlq",
            Serdes.ByteArray(), Serdes.ByteArray(), 1, KEEP_30_DAYS);

    /**
     * Which receiver got which alert revision, keyed {@code receiver/alert-id/revision}: the alerts service writes
     * one record after each successful delivery and reads them all back before it delivers, so a restart or a
     * rebalance never sends a receiver the same alert twice. Compacted (one record per key) and deleted after the
     * alerts' own 30 days, when no alert it could suppress is left on {@link #ALERTS}.
     */
    public static final TopicSpec<String, Delivery> DELIVERIES = new TopicSpec<>("news.deliveries",
            Serdes.String(), JsonSerde.of(Delivery.class), DEFAULT_PARTITIONS, Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + ","
                    + TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(30L * 24 * 3600 * 1000)));

    /**
     * Scratch topic of {@code newswatch bench pipeline}'s raw reference: the benchmark's articles produced and
     * consumed once with no processing. Not part of the pipeline.
     */
    public static final TopicSpec<byte[], byte[]> BENCH_RAW = new TopicSpec<>("news.bench.raw",
            Serdes.ByteArray(), Serdes.ByteArray(), DEFAULT_PARTITIONS, Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(24L * 3600 * 1000)));

    /** Everything the pipeline needs before it starts. */
    public static final List<TopicSpec<?, ?>> ALL = List.of(ARTICLES, TAGGED, ALERTS, RULES, DLQ, SOURCES,
            SOURCE_STATUS, STORY_CANDIDATES, TREND_KEYS, SILENCES, ALERTS_DLQ, DELIVERIES, EVENTS);

    /** Rule ids that cannot have a per-rule topic, because {@code news.alerts.<id>} is a catalogue topic. */
    public static final java.util.Set<String> RESERVED_RULE_IDS = RuleIds.RESERVED;

    private static final String ALERTS_PREFIX = ALERTS.name() + ".";
    private static final String BACKTEST_PREFIX = "news.backtest.";
    private static final Pattern BACKTEST_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private Topics() {
    }

    /**
     * The per-rule alert topic {@code news.alerts.<rule-id>}, so a subscriber can follow a single rule.
     *
     * @throws IllegalArgumentException when the rule id is not lower-case letters, digits and hyphens
     */
    public static TopicSpec<String, Alert> alertsForRule(String ruleId) {
        if (ruleId == null || !RULE_ID.matcher(ruleId).matches()) {
            throw new IllegalArgumentException("rule id '" + ruleId
                    + "' is not a valid topic suffix: use lower-case letters, digits and hyphens");
        }
        if (RESERVED_RULE_IDS.contains(ruleId)) {
            throw new IllegalArgumentException("rule id '" + ruleId + "' is reserved: " + ALERTS_PREFIX + ruleId
                    + " is the alerts' dead-letter topic");
        }
        return new TopicSpec<>(ALERTS_PREFIX + ruleId, ALERTS.keySerde(), ALERTS.valueSerde(),
                1, KEEP_30_DAYS);
    }

    /**
     * The tagged articles of the replay {@code name} ({@code news.backtest.<name>.tagged}): every archived article in
     * the replay's range that some rule matched, as the live topology would have tagged it. One partition, so the
     * replay's order is kept.
     *
     * @throws IllegalArgumentException when the name is not lower-case letters, digits and hyphens
     */
    public static TopicSpec<String, TaggedArticle> backtestTagged(String name) {
        return new TopicSpec<>(backtestPrefix(name) + "tagged", TAGGED.keySerde(), TAGGED.valueSerde(), 1,
                KEEP_30_DAYS);
    }

    /** The alerts the replay {@code name} raised ({@code news.backtest.<name>.alerts}), in the order it raised them. */
    public static TopicSpec<String, Alert> backtestAlerts(String name) {
        return new TopicSpec<>(backtestPrefix(name) + "alerts", ALERTS.keySerde(), ALERTS.valueSerde(), 1,
                KEEP_30_DAYS);
    }

    /** Every topic of the replay {@code name}. */
    public static List<TopicSpec<?, ?>> backtestTopics(String name) {
        return List.of(backtestTagged(name), backtestAlerts(name));
    }

    private static String backtestPrefix(String name) {
        if (name == null || !BACKTEST_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("replay name '" + name + "' must be lower-case letters, digits and "
                    + "hyphens (at most 80)");
        }
        return BACKTEST_PREFIX + name + ".";
    }

    /** Finds a catalogue topic by name. */
    public static TopicSpec<?, ?> byName(String name) {
        for (TopicSpec<?, ?> spec : ALL) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        if (name != null && name.startsWith(ALERTS_PREFIX)) {
            return alertsForRule(name.substring(ALERTS_PREFIX.length()));
        }
        throw new IllegalArgumentException("unknown topic: " + name);
    }
}
