package io.newswatch.streams.topology;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.rules.LiveRules;
import io.newswatch.streams.stories.AlertProposals;
import io.newswatch.streams.stories.TextFingerprint;
import io.newswatch.streams.tagging.TagResult;
import io.newswatch.streams.tagging.Tagger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dedupes and tags one article record and proposes its alerts to the story step; see {@link NewswatchTopology} for
 * the contract.
 */
final class ArticleProcessor implements Processor<byte[], byte[], Object, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleProcessor.class);

    private final LiveRules rules;
    private final String applicationId;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Long> seenVersions;

    ArticleProcessor(TopologyConfig config) {
        this.rules = config.rules();
        this.applicationId = config.applicationId();
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.seenVersions = context.getStateStore(NewswatchTopology.SEEN_VERSIONS_STORE);
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
        Tagger tagger = rules.current(); // one ruleset for the whole record, even if a reload lands meanwhile
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
        context.forward(new Record<Object, Object>(article.id(),
                new TaggedArticleSerializer.Spliced(record.value(), tagged), record.timestamp()),
                NewswatchTopology.TAGGED_SINK);
        List<Alert> proposed = AlertProposals.propose(tagger, article, result, record.timestamp());
        // the story step runs in one task: it gets the fingerprint, computed here in parallel, not the text
        TaggedArticle withoutText = new TaggedArticle(tagged.schemaVersion(), article.withoutText(), tagged.entities(),
                tagged.tags(), List.of(), List.of(), tagged.rulesVersion(), tagged.taggedAt());
        context.forward(new Record<Object, Object>(article.id(), new StoryCandidate(StoryCandidate.SCHEMA_VERSION,
                withoutText, proposed, TextFingerprint.of(article.text())), record.timestamp()),
                NewswatchTopology.STORY_SINK);
        seenVersions.put(versionKey, record.timestamp());
    }

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException error) {
        DeadLetterForwarder.send(context, record, error, Topics.ARTICLES.name(), applicationId);
    }
}
