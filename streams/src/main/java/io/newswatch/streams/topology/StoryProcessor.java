package io.newswatch.streams.topology;

import io.newswatch.model.Alert;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.stories.StoryAssigner;
import io.newswatch.streams.stories.StoryState;
import io.newswatch.streams.stories.TextFingerprint;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Groups tagged articles into stories and decides which alerts fire; see {@link NewswatchTopology} for the contract.
 * Runs in one task (its input topic has one partition), so every report of a story meets the others here.
 */
final class StoryProcessor implements Processor<byte[], byte[], Object, Object> {
    private final String applicationId;
    private final long windowMs;
    private final RefusedRecords refused;
    private final int recordLimit;
    private ProcessorContext<Object, Object> context;
    private StoryAssigner assigner;

    StoryProcessor(TopologyConfig config) {
        this.applicationId = config.applicationId();
        this.windowMs = config.storyWindow().toMillis();
        this.refused = config.limits().refused();
        this.recordLimit = config.limits().recordLimit();
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.assigner = new StoryAssigner(new StoreBacked(context.getStateStore(NewswatchTopology.STORIES_STORE),
                context.getStateStore(NewswatchTopology.ARTICLE_STORY_STORE),
                context.getStateStore(NewswatchTopology.FIRED_ALERTS_STORE)), windowMs);
        context.schedule(StoryAssigner.PURGE_EVERY, PunctuationType.STREAM_TIME, assigner::purge);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            StoryCandidate candidate = Topics.STORY_CANDIDATES.valueSerde().deserializer()
                    .deserialize(Topics.STORY_CANDIDATES.name(), record.value());
            StoryAssigner.Plan plan = assigner.plan(candidate, candidate.fingerprint() != null
                    ? candidate.fingerprint() : TextFingerprint.of(candidate.tagged().article().text()),
                    record.timestamp());
            Optional<RuntimeException> refusal = plan.alerts().stream().map(a -> refused.take(a.id()))
                    .flatMap(Optional::stream).reduce((a, b) -> a);
            if (refusal.isPresent()) {
                // an alert of this candidate was refused by the broker before (the stores' changes were aborted
                // with it, so this pass starts from the same state); a dead-lettered candidate changes no story
                deadLetter(record, refusal.get());
                return;
            }
            List<Alert> out = assigner.apply(plan);
            for (Alert a : out) {
                Record<Object, Object> r = new Record<>(a.id(), a, record.timestamp());
                context.forward(r, NewswatchTopology.ALERTS_SINK);
                context.forward(r, NewswatchTopology.RULE_ALERTS_SINK);
            }
        } catch (RuntimeException e) {
            deadLetter(record, e);
        }
    }

    /** The story state in the task's changelogged stores. */
    private record StoreBacked(KeyValueStore<String, StoryState> stories, KeyValueStore<String, String> articleStory,
                               KeyValueStore<String, Long> firedAlerts) implements StoryAssigner.Store {
        @Override
        public StoryState story(String storyId) {
            return stories.get(storyId);
        }

        @Override
        public void putStory(StoryState story) {
            stories.put(story.storyId(), story);
        }

        @Override
        public String storyOf(String articleId) {
            return articleStory.get(articleId);
        }

        @Override
        public void putStoryOf(String articleId, String storyId) {
            articleStory.put(articleId, storyId);
        }

        @Override
        public boolean fired(String alertId) {
            return firedAlerts.get(alertId) != null;
        }

        @Override
        public void putFired(String alertId, long timestamp) {
            firedAlerts.put(alertId, timestamp);
        }

        @Override
        public void forEachStory(Consumer<StoryState> visitor) {
            try (KeyValueIterator<String, StoryState> all = stories.all()) {
                all.forEachRemaining(kv -> visitor.accept(kv.value));
            }
        }

        @Override
        public void removeStory(StoryState story) {
            stories.delete(story.storyId());
            story.articles().forEach(articleStory::delete);
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException error) {
        DeadLetterForwarder.send(context, record, error, Topics.STORY_CANDIDATES.name(), applicationId, recordLimit);
    }
}
