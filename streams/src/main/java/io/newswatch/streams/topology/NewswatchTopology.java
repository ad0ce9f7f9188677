package io.newswatch.streams.topology;

import static io.newswatch.streams.topology.TopologyNames.*;

import io.newswatch.model.Alert;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.serde.JsonSerde;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.stories.StoryState;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.Stores;

/**
 * The newswatch Kafka Streams topology (the README's "Topics"):
 * {@code news.articles} → dedupe → tag → {@code news.tagged}, and for alerting rules → {@code news.alerts}.
 *
 * <ul>
 *   <li>Articles are read as raw bytes and deserialized inside the processor, so a malformed record goes to
 *       {@code news.dlq} byte for byte with {@code DeadLetterHeaders} and the next record is processed; the same
 *       holds for a failure while tagging.</li>
 *   <li>An article version (same id and content hash) already seen is dropped: store
 *       {@value TopologyNames#SEEN_VERSIONS_STORE}.</li>
 *   <li>Each tagged article is written to {@code news.tagged}, keyed by article id.</li>
 *   <li>The tagged article and one proposed alert per alerting rule it matched go to
 *       {@code news.story.candidates} (one partition), where the story step groups articles into stories: an
 *       article keeps the story it was put in (store {@value TopologyNames#ARTICLE_STORY_STORE}); a new article joins the open
 *       story whose first report's {@code TextFingerprint} is nearest, within
 *       {@code StoryIndex.MAX_DISTANCE} bits and with a report less than the story window
 *       ({@link TopologyConfig#storyWindow()}) from its publication time; else it starts a story whose id is its
 *       own article id (store {@value TopologyNames#STORIES_STORE}; stories idle longer than the window are closed).</li>
 *   <li>An alert fires once per (rule, story), keyed by {@code Ids.alertId(ruleId, storyId)}, to
 *       {@code news.alerts} and to {@code news.alerts.<rule-id>}, unless that id ever fired (store
 *       {@value TopologyNames#FIRED_ALERTS_STORE}, never purged): an edited or re-published article never fires the same alert
 *       twice. When a story is carried by an outlet it had not been reported by, each alert it raised is sent
 *       again as an update: same id, {@code revision} + 1, {@code alsoReportedBy} listing the other outlets.
 *       Timestamps ({@code raisedAt}, {@code taggedAt}) are the input record's timestamp, never the wall clock,
 *       so a replay produces the same output.</li>
 *   <li>The violation events the tagger found ({@code TagResult.events}) are on the tagged article and on every
 *       alert of its article, updates included. In the story step each event revises the ledger record of its
 *       story, key {@code Ids.eventId(storyId, commodity, from, to)}, on {@code news.events} (compacted;
 *       {@code ViolationRecord.withReport}), kept in store {@value TopologyNames#LEDGER_STORE} for
 *       {@code EventLedger.RETENTION} after its latest report; a report that changes nothing (a re-delivered
 *       article) sends nothing.</li>
 *   <li>The keys each article counts under (its entity codes and tags) go, stamped with the article's event
 *       time, to {@code news.trend.keys}, and are counted per hour of {@code publishedAt} ({@link TrendCounts},
 *       store {@value TrendCounts#COUNTS_STORE}); {@code news.tagged} is not read back.</li>
 * </ul>
 * <p>{@code news.rules} is read by every instance into a global store; each change puts the rules it holds in
 * force for the next article ({@link io.newswatch.streams.rules.LiveRules}); with no rules there, the configured
 * ruleset is used. Alerts record the version of the rule that fired.
 *
 * <p>Every store but the global one is changelogged, so with {@code exactly_once_v2} outputs and store updates commit together.
 */
public final class NewswatchTopology {
    private NewswatchTopology() {
    }

    /**
     * Adds the newswatch nodes to what {@code builder} already holds and returns the topology, with trend counts
     * taking late articles for {@link TrendCounts#DEFAULT_GRACE}. Pure: starts nothing and touches no cluster.
     */
    public static Topology buildTopology(StreamsBuilder builder, TopologyConfig config) {
        return buildTopology(builder, config, TrendCounts.DEFAULT_GRACE);
    }

    /**
     * As {@link #buildTopology(StreamsBuilder, TopologyConfig)}, with trend counts taking articles up to
     * {@code countsGrace} late ({@link TrendCounts#addTo}).
     */
    public static Topology buildTopology(StreamsBuilder builder, TopologyConfig config, Duration countsGrace) {
        TrendCounts.addTo(builder, countsGrace);
        Topology topology = builder.build();
        topology.addSource(SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.ARTICLES.name());
        topology.addProcessor(PROCESSOR, () -> new ArticleProcessor(config), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_VERSIONS_STORE),
                Serdes.String(), Serdes.Long()), PROCESSOR);
        // the processor serializes both values itself, to check their size before anything is sent
        topology.addSink(TAGGED_SINK, Topics.TAGGED.name(), Topics.TAGGED.keySerde().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(STORY_SINK, Topics.STORY_CANDIDATES.name(), Topics.STORY_CANDIDATES.keySerde().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);

        topology.addSink(TREND_SINK, Topics.TREND_KEYS.name(), Topics.TREND_KEYS.keySerde().serializer(),
                Topics.TREND_KEYS.valueSerde().serializer(), PROCESSOR);

        topology.addSource(STORY_SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.STORY_CANDIDATES.name());
        topology.addProcessor(STORY_PROCESSOR, () -> new StoryProcessor(config), STORY_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES_STORE),
                Serdes.String(), StoryProcessor.STORY_STATE_SERDE), STORY_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLE_STORY_STORE),
                Serdes.String(), Serdes.String()), STORY_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FIRED_ALERTS_STORE),
                Serdes.String(), Serdes.Long()), STORY_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE),
                Serdes.String(), JsonSerde.of(ViolationRecord.class)), STORY_PROCESSOR);
        // the processor serializes the ledger records itself, to check their size before anything is sent
        topology.addSink(EVENTS_SINK, Topics.EVENTS.name(), Topics.EVENTS.keySerde().serializer(),
                Serdes.ByteArray().serializer(), STORY_PROCESSOR);
        topology.addSink(ALERTS_SINK, Topics.ALERTS.name(), Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer(), STORY_PROCESSOR);
        TopicNameExtractor<String, Alert> perRule = (key, alert, context) -> Topics.alertsForRule(alert.ruleId())
                .name();
        topology.addSink(RULE_ALERTS_SINK, perRule, Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer(), STORY_PROCESSOR);
        topology.addSink(DLQ_SINK, Topics.DLQ.name(), Topics.DLQ.keySerde().serializer(),
                Topics.DLQ.valueSerde().serializer(), PROCESSOR, STORY_PROCESSOR);
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RULES_STORE),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(), RULES_SOURCE,
                Serdes.String().deserializer(), Serdes.String().deserializer(), Topics.RULES.name(), RULES_PROCESSOR,
                () -> new RulesUpdateProcessor(config.rules()));
        return topology;
    }
}
