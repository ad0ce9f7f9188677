package io.newswatch.streams.topology;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.rules.LiveRules;
import io.newswatch.streams.stories.AlertProposals;
import io.newswatch.streams.stories.TextFingerprint;
import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dedupes and tags one article record and proposes its alerts to the story step; see {@link NewswatchTopology} for
 * the contract.
 *
 * <p>Every output is bounded before anything is sent: the text is cut to {@link TopologyConfig#maxTextChars()} (the
 * ingester's cap, applied again to whatever else wrote the record), evidence and mentions to {@link TagResultBounds},
 * and the values are serialized here so that their size is known: an input whose tagged article or story candidate
 * would still be larger than {@link OutputLimits#maxRecordBytes()} goes to {@code news.dlq} with the reason, and nothing of it is
 * sent on. A send that fails all the same is the production exception handler's
 * ({@link DeadLetterErrorHandler}); an input whose output the broker refused ({@link RefusedRecords}) is
 * dead-lettered when it comes again.
 */
final class ArticleProcessor implements Processor<byte[], byte[], Object, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleProcessor.class);

        private final LiveRules rules;
    private final String applicationId;
    private final int maxTextChars;
    private final int maxRecordBytes;
    private final RefusedRecords refused;
    private final int recordLimit;
    private final TaggedArticleSerializer taggedSerializer = new TaggedArticleSerializer();
    private final Serializer<StoryCandidate> storySerializer = Topics.STORY_CANDIDATES.valueSerde().serializer();
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Long> seenVersions;

    ArticleProcessor(TopologyConfig config) {
        this.rules = config.rules();
        this.applicationId = config.applicationId();
        this.maxTextChars = config.limits().maxTextChars();
        this.maxRecordBytes = config.limits().maxRecordBytes();
        this.refused = config.limits().refused();
        this.recordLimit = config.limits().recordLimit();
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.seenVersions = context.getStateStore(TopologyNames.SEEN_VERSIONS_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            // a tombstone removes an article from the compacted archive; there is nothing to tag
            return;
        }
        // the key is the article id, the key of its tagged article and story candidate too
        Optional<RuntimeException> refusal = refused.take(record.key() == null ? null
                : new String(record.key(), StandardCharsets.UTF_8));
        if (refusal.isPresent()) {
            deadLetter(record, refusal.get());
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
        Article capped = article.withTextCappedAt(maxTextChars);
        TagResult result;
        try {
            result = TagResultBounds.bound(tagger.tag(capped.text()));
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        TaggedArticle tagged = new TaggedArticle(TaggedArticle.SCHEMA_VERSION, capped, result.entities(),
                result.tags(), result.mentions(), result.evidence(), tagger.rulesVersion(), at, result.events());
        // an article as it was read is written out again from its own bytes; a cut one is serialized anew
        byte[] taggedValue = taggedSerializer.serialize(Topics.TAGGED.name(), capped == article
                ? new TaggedArticleSerializer.Spliced(record.value(), tagged) : tagged);
        List<Alert> proposed = AlertProposals.propose(tagger, capped, result, record.timestamp());
        // the story step runs in one task: it gets the fingerprint, computed here in parallel, not the text
        TaggedArticle withoutText = new TaggedArticle(tagged.schemaVersion(), capped.withoutText(), tagged.entities(),
                tagged.tags(), List.of(), List.of(), tagged.rulesVersion(), tagged.taggedAt(), tagged.events());
        // the events travel once, on the tagged article: the story step puts them on the alerts it raises
        List<Alert> proposedWithoutEvents = proposed.stream().map(p -> p.withEvents(List.of())).toList();
        byte[] storyValue = storySerializer.serialize(Topics.STORY_CANDIDATES.name(), new StoryCandidate(
                StoryCandidate.SCHEMA_VERSION, withoutText, proposedWithoutEvents, TextFingerprint.of(capped.text())));
        if (taggedValue.length > maxRecordBytes || storyValue.length > maxRecordBytes) {
            deadLetter(record, new RecordTooLargeException("article " + article.id() + ": its record on "
                    + Topics.TAGGED.name() + " (" + taggedValue.length + " bytes) or on "
                    + Topics.STORY_CANDIDATES.name() + " (" + storyValue.length + " bytes) would be larger than the "
                    + maxRecordBytes + " bytes a record may carry"));
            return;
        }
        if (capped != article) {
            LOG.info("article {}: text of {} characters cut to {}", article.id(), article.text().length(),
                    capped.text().length());
        }
        context.forward(new Record<Object, Object>(article.id(), taggedValue, record.timestamp()),
                TopologyNames.TAGGED_SINK);
        context.forward(new Record<Object, Object>(article.id(), storyValue, record.timestamp()),
                TopologyNames.STORY_SINK);
        // the counting step gets the keys from here, stamped with their event time, not the tagged article again
        TrendCounts.keysRecord(tagged, record.timestamp()).ifPresent(keys -> context.forward(
                new Record<Object, Object>(keys.key(), keys.value(), keys.timestamp()), TopologyNames.TREND_SINK));
        seenVersions.put(versionKey, record.timestamp());
    }

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException error) {
        DeadLetterForwarder.send(context, record, error, Topics.ARTICLES.name(), applicationId, recordLimit);
    }
}
