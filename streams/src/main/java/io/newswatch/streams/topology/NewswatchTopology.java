package io.newswatch.streams.topology;

import io.newswatch.model.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The newswatch Kafka Streams topology (DESIGN.md, "Data flow and topics"):
 * {@code news.articles} → dedupe → tag → {@code news.tagged}, and for alerting rules → {@code news.alerts}.
 *
 * <ul>
 *   <li>Articles are read as raw bytes and deserialized inside the processor, so a malformed record goes to
 *       {@code news.dlq} byte for byte with {@code DeadLetterHeaders} and the next record is processed; the same
 *       holds for a failure while tagging.</li>
 *   <li>An article version (same id and content hash) already seen is dropped: store
 *       {@value #SEEN_VERSIONS_STORE}.</li>
 *   <li>Each tagged article is written to {@code news.tagged}, keyed by article id.</li>
 *   <li>For each rule with {@code alert: true} whose tag the article carries, an {@code Alert} keyed by
 *       {@code Ids.alertId(ruleId, storyId)} (story id = article id) is written to {@code news.alerts}, unless
 *       that alert id fired before (store {@value #FIRED_ALERTS_STORE}): an edited or re-published article never
 *       fires the same alert twice. Timestamps ({@code raisedAt}, {@code taggedAt}) are the input record's
 *       timestamp, never the wall clock, so a replay produces the same output.</li>
 * </ul>
 * Both stores are changelogged, so with {@code exactly_once_v2} outputs and store updates commit together.
 */
public final class NewswatchTopology {
    /** Article versions already processed: key {@code id NUL contentHash}, value the record timestamp. */
    public static final String SEEN_VERSIONS_STORE = "seen-article-versions";
    /** Alert ids already raised: key the alert id, value the record timestamp. */
    public static final String FIRED_ALERTS_STORE = "fired-alerts";

    static final String SOURCE = "articles-source";
    static final String PROCESSOR = "tag-articles";
    static final String TAGGED_SINK = "tagged-sink";
    static final String ALERTS_SINK = "alerts-sink";
    static final String DLQ_SINK = "dlq-sink";

    private NewswatchTopology() {
    }

    /**
     * Adds the newswatch nodes to what {@code builder} already holds and returns the topology. Pure: starts
     * nothing and touches no cluster.
     */
    public static Topology buildTopology(StreamsBuilder builder, TopologyConfig config) {
        Topology topology = builder.build();
        topology.addSource(SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.ARTICLES.name());
        topology.addProcessor(PROCESSOR, () -> new ArticleProcessor(config), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_VERSIONS_STORE),
                Serdes.String(), Serdes.Long()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FIRED_ALERTS_STORE),
                Serdes.String(), Serdes.Long()), PROCESSOR);
        topology.addSink(TAGGED_SINK, Topics.TAGGED.name(), Topics.TAGGED.keySerde().serializer(),
                Topics.TAGGED.valueSerde().serializer(), PROCESSOR);
        topology.addSink(ALERTS_SINK, Topics.ALERTS.name(), Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer(), PROCESSOR);
        topology.addSink(DLQ_SINK, Topics.DLQ.name(), Topics.DLQ.keySerde().serializer(),
                Topics.DLQ.valueSerde().serializer(), PROCESSOR);
        return topology;
    }
}
