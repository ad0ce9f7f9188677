package io.newswatch.streams.topology;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.tagging.Rule;
import io.newswatch.streams.tagging.TagResult;
import io.newswatch.streams.tagging.Tagger;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dedupes, tags and alerts one article record; see {@link NewswatchTopology} for the contract. */
final class ArticleProcessor implements Processor<byte[], byte[], Object, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleProcessor.class);

    private final Tagger tagger;
    private final String applicationId;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Long> seenVersions;
    private KeyValueStore<String, Long> firedAlerts;

    ArticleProcessor(TopologyConfig config) {
        this.tagger = config.tagger();
        this.applicationId = config.applicationId();
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.seenVersions = context.getStateStore(NewswatchTopology.SEEN_VERSIONS_STORE);
        this.firedAlerts = context.getStateStore(NewswatchTopology.FIRED_ALERTS_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            // a tombstone removes an article from the compacted archive; there is nothing to tag
            return;
        }
        Article article;
        try {
            article = Topics.ARTICLES.valueSerde().deserializer().deserialize(Topics.ARTICLES.name(), record.value());
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        String versionKey = article.id() + "\u0000" + Objects.toString(article.contentHash(), "");
        if (seenVersions.get(versionKey) != null) {
            LOG.debug("article {} version {} seen before; dropped", article.id(), article.contentHash());
            return;
        }
        TagResult result;
        try {
            result = tagger.tag(article.text());
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        TaggedArticle tagged = new TaggedArticle(TaggedArticle.SCHEMA_VERSION, article, result.entities(),
                result.tags(), result.mentions(), result.evidence(), tagger.rulesVersion(), at);
        context.forward(new Record<Object, Object>(article.id(), tagged, record.timestamp()),
                NewswatchTopology.TAGGED_SINK);
        for (Rule rule : tagger.ruleSet().rules()) {
            if (rule.alert() && result.matched(rule.id())) {
                raise(rule, article, result, record.timestamp());
            }
        }
        seenVersions.put(versionKey, record.timestamp());
    }

    private void raise(Rule rule, Article article, TagResult result, long timestamp) {
        String storyId = article.id();
        String alertId = Ids.alertId(rule.id(), storyId);
        if (firedAlerts.get(alertId) != null) {
            LOG.debug("alert {} ({} on {}) fired before; not raised again", alertId, rule.id(), storyId);
            return;
        }
        Alert alert = new Alert(Alert.SCHEMA_VERSION, alertId, rule.id(), rule.title(), rule.version(),
                rule.severity().label(), storyId, article.id(), article.title(), article.url(), article.sourceId(),
                article.publishedAt(), result.entities(), result.tags(), rule.tags().stream().flatMap(t -> result.evidenceFor(t).stream()).toList(),
                Instant.ofEpochMilli(timestamp));
        firedAlerts.put(alertId, timestamp);
        context.forward(new Record<Object, Object>(alertId, alert, timestamp), NewswatchTopology.ALERTS_SINK);
    }

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException error) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        String topic = meta == null ? Topics.ARTICLES.name() : meta.topic();
        int partition = meta == null ? -1 : meta.partition();
        long offset = meta == null ? -1 : meta.offset();
        LOG.warn("record {}-{}@{} sent to {}: {}", topic, partition, offset, Topics.DLQ.name(), error.toString());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        DeadLetterHeaders.add(headers, error, topic, partition, offset, applicationId);
        context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers),
                NewswatchTopology.DLQ_SINK);
    }
}
