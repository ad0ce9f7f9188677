package io.newswatch.streams.topology;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.stories.StoryIndex;
import io.newswatch.streams.stories.StoryState;
import io.newswatch.streams.stories.TextFingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups tagged articles into stories and decides which alerts fire; see {@link NewswatchTopology} for the contract.
 * Runs in one task (its input topic has one partition), so every report of a story meets the others here.
 */
final class StoryProcessor implements Processor<byte[], byte[], Object, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(StoryProcessor.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final String applicationId;
    private final long windowMs;
    private final StoryIndex index = new StoryIndex();
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, StoryState> stories;
    private KeyValueStore<String, String> articleStory;
    private KeyValueStore<String, Long> firedAlerts;

    StoryProcessor(TopologyConfig config) {
        this.applicationId = config.applicationId();
        this.windowMs = config.storyWindow().toMillis();
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.stories = context.getStateStore(NewswatchTopology.STORIES_STORE);
        this.articleStory = context.getStateStore(NewswatchTopology.ARTICLE_STORY_STORE);
        this.firedAlerts = context.getStateStore(NewswatchTopology.FIRED_ALERTS_STORE);
        try (KeyValueIterator<String, StoryState> all = stories.all()) {
            all.forEachRemaining(kv -> index.put(kv.value));
        }
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purge);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        StoryCandidate candidate;
        try {
            candidate = Topics.STORY_CANDIDATES.valueSerde().deserializer()
                    .deserialize(Topics.STORY_CANDIDATES.name(), record.value());
            assign(candidate, record.timestamp());
        } catch (RuntimeException e) {
            deadLetter(record, e);
        }
    }

    private void assign(StoryCandidate candidate, long timestamp) {
        Article article = candidate.tagged().article();
        long eventTime = article.publishedAt() != null ? article.publishedAt().toEpochMilli() : timestamp;
        StoryState story = null;
        String known = articleStory.get(article.id());
        if (known != null) {
            story = stories.get(known);
        }
        long fingerprint = TextFingerprint.of(article.text());
        if (story == null) {
            String near = index.nearest(fingerprint, eventTime, windowMs);
            story = near == null ? null : stories.get(near);
        }
        boolean newOutlet;
        if (story == null) {
            story = StoryState.first(article.id(), article.sourceId(), fingerprint, eventTime);
            newOutlet = false; // its first report: nothing to update
        } else {
            newOutlet = !story.hasOutlet(article.sourceId());
            story = story.withReport(article.id(), article.sourceId(), eventTime);
        }
        List<Alert> out = new ArrayList<>();
        for (Alert proposed : candidate.alerts()) {
            if (story.alerts().containsKey(proposed.ruleId())) {
                continue; // fired for this story; an update, if any, is made below
            }
            String alertId = Ids.alertId(proposed.ruleId(), story.storyId());
            if (firedAlerts.get(alertId) != null) {
                LOG.debug("alert {} ({} on {}) fired before; not raised again", alertId, proposed.ruleId(),
                        story.storyId());
                continue;
            }
            Alert alert = new Alert(proposed.schemaVersion(), alertId, proposed.ruleId(), proposed.ruleTitle(),
                    proposed.ruleVersion(), proposed.severity(), story.storyId(), proposed.articleId(),
                    proposed.title(), proposed.url(), proposed.sourceId(), proposed.publishedAt(), proposed.entities(),
                    proposed.tags(), proposed.evidence(), proposed.raisedAt(), 0, others(story, article.sourceId()),
                    proposed.language());
            firedAlerts.put(alertId, timestamp);
            story = story.withAlert(alert);
            out.add(alert);
        }
        if (newOutlet) {
            for (Alert fired : List.copyOf(story.alerts().values())) {
                if (out.contains(fired)) {
                    continue;
                }
                Alert update = fired.updated(story.otherOutlets(), Instant.ofEpochMilli(timestamp));
                story = story.withAlert(update);
                out.add(update);
            }
        }
        stories.put(story.storyId(), story);
        articleStory.put(article.id(), story.storyId());
        index.put(story);
        for (Alert a : out) {
            Record<Object, Object> r = new Record<>(a.id(), a, timestamp);
            context.forward(r, NewswatchTopology.ALERTS_SINK);
            context.forward(r, NewswatchTopology.RULE_ALERTS_SINK);
        }
    }

    /** The story's outlets other than the one of the alert's own article. */
    private static List<String> others(StoryState story, String sourceId) {
        return story.outlets().stream().filter(o -> !o.equals(sourceId)).toList();
    }

    /** Closes stories whose last report is older than the window: they no longer take near-duplicates. */
    private void purge(long streamTime) {
        List<KeyValue<String, StoryState>> expired = new ArrayList<>();
        try (KeyValueIterator<String, StoryState> all = stories.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.lastSeen() < streamTime - windowMs) {
                    expired.add(kv);
                }
            });
        }
        for (KeyValue<String, StoryState> kv : expired) {
            stories.delete(kv.key);
            index.remove(kv.key);
            kv.value.articles().forEach(articleStory::delete);
        }
        if (!expired.isEmpty()) {
            LOG.debug("closed {} stories older than {} ms; {} open", expired.size(), windowMs, index.size());
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException error) {
        DeadLetterForwarder.send(context, record, error, Topics.STORY_CANDIDATES.name(), applicationId);
    }
}
