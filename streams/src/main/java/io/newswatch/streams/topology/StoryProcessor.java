package io.newswatch.streams.topology;

import io.newswatch.model.Alert;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.serde.JsonSerde;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.stories.EventLedger;
import io.newswatch.streams.stories.StoryAssigner;
import io.newswatch.streams.stories.StoryTables;
import io.newswatch.streams.stories.StoryState;
import io.newswatch.streams.stories.TextFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Groups tagged articles into stories, decides which alerts fire and revises the violations ledger; see
 * {@link NewswatchTopology} for the contract. Runs in one task (its input topic has one partition), so every report
 * of a story meets the others here.
 *
 * <p>Nothing of a candidate is written unless all of it can be: its story state (which keeps every alert of the
 * story, events included, and goes to the store's changelog), its alerts and its ledger records are serialized and
 * their size checked ({@link OutputLimits#maxRecordBytes()}) before any store changes, and a candidate with a record
 * too large, or one whose output the broker refused before ({@link RefusedRecords}), goes to {@code news.dlq} and
 * leaves the stories and the ledger as they were.
 */
final class StoryProcessor implements Processor<byte[], byte[], Object, Object> {
    private final String applicationId;
    private final long windowMs;
    private final int maxOpenStories;
    private final RefusedRecords refused;
    private final int recordLimit;
    private final int maxRecordBytes;
    private final Serializer<ViolationRecord> ledgerSerializer = Topics.EVENTS.valueSerde().serializer();
    private final Serializer<Alert> alertSerializer = Topics.ALERTS.valueSerde().serializer();
    /** As the stories store writes its values (and so its changelog's). */
    /** The stories store's value serde: the story step checks a story's size with it before storing it. */
    static final JsonSerde<StoryState> STORY_STATE_SERDE = JsonSerde.of(StoryState.class);
    private final JsonSerde<StoryState> storyJson = STORY_STATE_SERDE;
    /**
     * The metrics scope of the story step: Kafka Streams names the group {@code stream-stories-metrics}, with the
     * task id as tag {@code stories-id}.
     */
    static final String METRICS_SCOPE = "stories";
    /** The operation whose {@code -total} and {@code -rate} count the stories closed early at the cap. */
    static final String CLOSED_AT_CAP = "closed-at-cap";
    /**
     * Slices of a pass over the ledger: one every {@link SlicedPurge#EVERY}, a pass every
     * {@link EventLedger#PURGE_EVERY}.
     */
    private static final int LEDGER_SLICES = (int) (EventLedger.PURGE_EVERY.toMillis() / SlicedPurge.EVERY.toMillis());
    /** Entries a purge slice looks at even when the store is small, so that a small store is passed over at once. */
    static final int PURGE_MIN_SLICE = 1_000;
    private ProcessorContext<Object, Object> context;
    private StoryAssigner assigner;
    private Sensor closedAtCap;
    private long recordedClosedAtCap;
    private KeyValueStore<String, ViolationRecord> ledger;
    private SlicedPurge<ViolationRecord> ledgerPurge;

    StoryProcessor(TopologyConfig config) {
        this.applicationId = config.applicationId();
        this.windowMs = config.storyWindow().toMillis();
        this.maxOpenStories = config.maxOpenStories();
        this.refused = config.limits().refused();
        this.recordLimit = config.limits().recordLimit();
        this.maxRecordBytes = config.limits().maxRecordBytes();
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.ledger = context.getStateStore(TopologyNames.LEDGER_STORE);
        this.assigner = new StoryAssigner(new StoryTables(table(context.getStateStore(TopologyNames.STORIES_STORE)),
                table(context.getStateStore(TopologyNames.ARTICLE_STORY_STORE)),
                table(context.getStateStore(TopologyNames.FIRED_ALERTS_STORE))), windowMs, maxOpenStories);
        this.closedAtCap = context.metrics().addRateTotalSensor(METRICS_SCOPE, context.taskId().toString(),
                CLOSED_AT_CAP, Sensor.RecordingLevel.INFO);
        this.recordedClosedAtCap = 0;
        recordClosedAtCap();
        context.schedule(StoryAssigner.PURGE_EVERY, PunctuationType.STREAM_TIME, assigner::purge);
        this.ledgerPurge = new SlicedPurge<>(ledger, LEDGER_SLICES, PURGE_MIN_SLICE);
        context.schedule(SlicedPurge.EVERY, PunctuationType.STREAM_TIME, this::purgeLedger);
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
            String storyId = plan.story().storyId();
            checkSize(storyJson.serialize(null, plan.story()).length, "its story " + storyId + " in store "
                    + TopologyNames.STORIES_STORE + " (and its changelog)");
            for (Alert a : plan.alerts()) {
                checkSize(alertSerializer.serialize(Topics.ALERTS.name(), a).length, "alert " + a.id() + " of story "
                        + storyId + " on " + Topics.ALERTS.name());
            }
            List<ViolationRecord> revised = EventLedger.revise((story, eventId) -> ledger.get(ledgerKey(story,
                    eventId)), storyId, candidate.tagged(), record.timestamp());
            List<byte[]> revisedValues = new ArrayList<>(revised.size());
            for (ViolationRecord v : revised) {
                byte[] value = ledgerSerializer.serialize(Topics.EVENTS.name(), v);
                checkSize(value.length, "event " + v.id() + " of story " + storyId + " on " + Topics.EVENTS.name());
                revisedValues.add(value);
            }
            // the story's changelog record is keyed by the story id, the outputs by alert and event ids
            Optional<RuntimeException> refusal = java.util.stream.Stream.of(java.util.stream.Stream.of(storyId),
                            plan.alerts().stream().map(Alert::id), revised.stream().map(ViolationRecord::id))
                    .flatMap(ids -> ids)
                    .map(refused::take).flatMap(Optional::stream).reduce((a, b) -> a);
            if (refusal.isPresent()) {
                // an output of this candidate was refused by the broker before (the stores' changes were aborted
                // with it, so this pass starts from the same state); a dead-lettered candidate changes no story
                deadLetter(record, refusal.get());
                return;
            }
            List<Alert> out = assigner.apply(plan);
            recordClosedAtCap();
            for (Alert a : out) {
                Record<Object, Object> r = new Record<>(a.id(), a, record.timestamp());
                context.forward(r, TopologyNames.ALERTS_SINK);
                context.forward(r, TopologyNames.RULE_ALERTS_SINK);
            }
            for (int i = 0; i < revised.size(); i++) {
                ViolationRecord v = revised.get(i);
                ledger.put(ledgerKey(storyId, v.id()), v);
                context.forward(new Record<Object, Object>(v.id(), revisedValues.get(i), record.timestamp()),
                        TopologyNames.EVENTS_SINK);
            }
        } catch (RuntimeException e) {
            deadLetter(record, e);
        }
    }

    /** Adds the stories the assigner closed at the cap since the last call to the metric. */
    private void recordClosedAtCap() {
        long now = assigner.closedAtCap();
        if (now > recordedClosedAtCap) {
            closedAtCap.record(now - recordedClosedAtCap);
            recordedClosedAtCap = now;
        }
    }

    /** Refuses a value larger than a record may carry, naming what it is. */
    private void checkSize(int bytes, String what) {
        if (bytes > maxRecordBytes) {
            throw new RecordTooLargeException("the record of " + what + " (" + bytes + " bytes) would be larger "
                    + "than the " + maxRecordBytes + " bytes a record may carry");
        }
    }

    /** The ledger store's key: story id, then event id. */
    static String ledgerKey(String storyId, String eventId) {
        return storyId + "\u0000" + eventId;
    }

    /**
     * Forgets ledger records whose latest report is more than {@link EventLedger#RETENTION} before
     * {@code streamTime}, a slice of the ledger at a time ({@link SlicedPurge}: a pass every
     * {@link EventLedger#PURGE_EVERY} of stream time, or more often while the ledger is small); their last revision
     * stays on {@code news.events}.
     */
    private void purgeLedger(long streamTime) {
        long before = streamTime - EventLedger.RETENTION.toMillis();
        ledgerPurge.next(r -> r.latestReportedAt() == null || r.latestReportedAt().toEpochMilli() < before);
    }

    /** A changelogged state store as one of the story step's tables. */
    private static <V> StoryTables.Table<V> table(KeyValueStore<String, V> store) {
        return new StoryTables.Table<>() {
            @Override
            public V get(String key) {
                return store.get(key);
            }

            @Override
            public void put(String key, V value) {
                store.put(key, value);
            }

            @Override
            public void delete(String key) {
                store.delete(key);
            }

            @Override
            public void forEachValue(Consumer<V> visitor) {
                try (KeyValueIterator<String, V> all = store.all()) {
                    all.forEachRemaining(kv -> visitor.accept(kv.value));
                }
            }
        };
    }

    /** Removes this task's metric: a task that moves to another instance counts there. */
    @Override
    public void close() {
        if (closedAtCap != null) {
            context.metrics().removeSensor(closedAtCap);
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException error) {
        DeadLetterForwarder.send(context, record, error, Topics.STORY_CANDIDATES.name(), applicationId, recordLimit);
    }
}
