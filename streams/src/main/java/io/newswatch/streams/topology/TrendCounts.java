package io.newswatch.streams.topology;

import io.newswatch.model.Article;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.TrendKeys;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly trend counts: how many articles mentioned each entity or carried each tag, per hour of publication.
 *
 * <p>Contract of the nodes {@link #addTo} adds:
 * <ul>
 *   <li>Input is {@code news.trend.keys}: the tagging step writes there, for each tagged article, the keys it
 *       counts under ({@link #keysRecord}), keyed by article id, so counting reads a few bytes an article rather
 *       than the tagged article with its text. The record's timestamp is the event time: the article's
 *       {@code publishedAt}, capped at the timestamp of the article's record (an article cannot be published
 *       after it was fetched, and one bogus date in the future would otherwise push stream time ahead and make
 *       every later article late); without {@code publishedAt} it is that record's timestamp
 *       ({@link #eventTime}).</li>
 *   <li>Counted keys: every entity code ({@code RU}, {@code KP}, {@code CN}, upper case) and every tag
 *       ({@code ru-kp}, {@code triangle}, {@code sanctions-violation}, ..., lower case) of the article. All tags
 *       are counted, not only the pair tags, so a trend exists for any rule; entity codes and tags never collide
 *       because of their case.</li>
 *   <li>Each article counts at most once per key: store {@value #COUNTED_STORE} remembers which (article id, key)
 *       pairs were counted, so a new version of an article adds nothing, except a key the earlier versions lacked
 *       (an edit that adds China counts {@code CN} once). The count stays in the hour of the first counted
 *       version. An entry is forgotten once stream time is {@link #forgetAfter(Duration)} past its event time,
 *       when a repeat would be too late to count anyway: the store is looked through a slice every minute of
 *       stream time, a pass per {@link #FORGET_PASS} ({@link SlicedPurge}), so no punctuation holds the stream
 *       thread for a scan of the whole store.</li>
 *   <li>Counts live in the windowed store {@value #COUNTS_STORE} ({@code String} key, {@code Long} count), one
 *       epoch-aligned hour per window ({@link #WINDOW}), kept for {@link #retention(Duration)}. An article
 *       arriving after its hour's end plus the grace period is dropped by Kafka Streams; it shows up in the
 *       task-level {@code dropped-records-total} metric ({@code kafka_stream_task_dropped_records_total} on
 *       {@code /metrics}), not in a count.</li>
 *   <li>A {@code news.trend.keys} record that cannot be read is logged and skipped: the article itself already
 *       went through the tagging processor, so only its count is lost.</li>
 * </ul>
 */
public final class TrendCounts {
    /** The windowed counts: key an entity code or tag, one window per hour of {@code publishedAt}. */
    public static final String COUNTS_STORE = "hourly-tag-counts";
    /** Which (article id, counted key) pairs were counted: key {@code articleId NUL key}, value the event time. */
    public static final String COUNTED_STORE = "counted-articles";
    /** The size of one count bucket. */
    public static final Duration WINDOW = Duration.ofHours(1);
    /** Grace used when the configuration gives none ({@code streams.counts.grace}). */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(6);
    /** How long hourly counts stay queryable at least; matches the retention of {@code news.tagged}. */
    public static final Duration MIN_RETENTION = Duration.ofDays(30);

    static final String SOURCE = "trend-keys-source";
    static final String FIRST_COUNTS = "trend-first-counts";
    static final String REPARTITION = "trend-keys";
    static final String COUNT = "trend-count";
    /**
     * How long (in stream time) a pass over {@value #COUNTED_STORE} for forgotten pairs takes at most: a pair stays
     * at most this much beyond {@link #forgetAfter(Duration)}, a fifth more than it with the default grace.
     */
    static final Duration FORGET_PASS = Duration.ofHours(6);
    /** Extra time a counted pair is remembered: tasks counting downstream may lag the task that dedupes. */
    private static final Duration FORGET_MARGIN = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(TrendCounts.class);

    private TrendCounts() {
    }

    /**
     * Adds the trend-count nodes to {@code builder}: call before {@code builder.build()}.
     *
     * @param grace how late, after the end of its hour, an article still counts; zero or more
     * @throws IllegalArgumentException when {@code grace} is negative
     */
    public static void addTo(StreamsBuilder builder, Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the trend count grace period must not be negative: " + grace);
        }
        Serde<TrendKeys> values = Serdes.serdeFrom(Topics.TREND_KEYS.valueSerde().serializer(),
                new SkippingDeserializer(Topics.TREND_KEYS.valueSerde().deserializer()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTED_STORE),
                Serdes.String(), Serdes.Long()));
        Duration forgetAfter = forgetAfter(grace);
        builder.stream(Topics.TREND_KEYS.name(), Consumed.with(Topics.TREND_KEYS.keySerde(), values)
                        .withName(SOURCE))
                .process(() -> new FirstCountPerArticle(forgetAfter), Named.as(FIRST_COUNTS), COUNTED_STORE)
                .groupByKey(Grouped.with(REPARTITION, Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, grace))
                .count(Named.as(COUNT), Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(COUNTS_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())
                        .withRetention(retention(grace)));
    }

    /** How long hourly counts are kept: {@link #MIN_RETENTION}, or one window plus the grace if that is longer. */
    public static Duration retention(Duration grace) {
        Duration needed = WINDOW.plus(grace);
        return needed.compareTo(MIN_RETENTION) > 0 ? needed : MIN_RETENTION;
    }

    /** How long after its event time a counted (article, key) pair is remembered. */
    static Duration forgetAfter(Duration grace) {
        return WINDOW.plus(grace).plus(FORGET_MARGIN);
    }

    /** The keys an article counts under: its entity codes, then its tags, each once. */
    static Set<String> countedKeys(TaggedArticle tagged) {
        Set<String> keys = new LinkedHashSet<>(tagged.entities());
        keys.addAll(tagged.tags());
        keys.removeIf(k -> k == null || k.isEmpty());
        return keys;
    }

    /**
     * An article's event time for counting: its {@code publishedAt}, capped at the record timestamp (when that is
     * known, zero or more); the record timestamp when it has no {@code publishedAt}.
     */
    static long eventTime(Article article, long recordTime) {
        if (article.publishedAt() == null) {
            return recordTime;
        }
        long published = article.publishedAt().toEpochMilli();
        return recordTime >= 0 ? Math.min(published, recordTime) : published;
    }

    /**
     * The {@code news.trend.keys} record the tagging step writes for a tagged article that came in a record stamped
     * {@code recordTime}: keyed by article id, stamped with {@link #eventTime}; empty when the article counts
     * under no key.
     */
    static Optional<Record<String, TrendKeys>> keysRecord(TaggedArticle tagged, long recordTime) {
        Set<String> keys = countedKeys(tagged);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Record<>(tagged.article().id(), new TrendKeys(List.copyOf(keys)),
                eventTime(tagged.article(), recordTime)));
    }

    /** Forwards (key, article id) for each key the article was not counted under yet. */
    private static final class FirstCountPerArticle implements Processor<String, TrendKeys, String, String> {
        private final Duration forgetAfter;
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, Long> counted;
        private SlicedPurge<Long> purge;

        FirstCountPerArticle(Duration forgetAfter) {
            this.forgetAfter = forgetAfter;
        }

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.counted = context.getStateStore(COUNTED_STORE);
            this.purge = new SlicedPurge<>(counted, (int) (FORGET_PASS.toMillis() / SlicedPurge.EVERY.toMillis()),
                    StoryProcessor.PURGE_MIN_SLICE);
            // stream time, not wall-clock time, so a replay forgets what the original run forgot
            context.schedule(SlicedPurge.EVERY, PunctuationType.STREAM_TIME, this::forgetOlderThan);
        }

        @Override
        public void process(Record<String, TrendKeys> record) {
            if (record.value() == null || record.key() == null) {
                return;
            }
            String articleId = record.key();
            for (String key : record.value().keys()) {
                String pair = articleId + '\0' + key;
                if (counted.get(pair) == null) {
                    counted.put(pair, record.timestamp());
                    context.forward(record.withKey(key).withValue(articleId));
                }
            }
        }

        private void forgetOlderThan(long streamTime) {
            long cutoff = streamTime - forgetAfter.toMillis();
            purge.next(eventTime -> eventTime < cutoff);
        }
    }

    /** Reads the trend keys, or logs why it cannot and yields null so the record is skipped. */
    private record SkippingDeserializer(Deserializer<TrendKeys> delegate) implements Deserializer<TrendKeys> {
        @Override
        public TrendKeys deserialize(String topic, byte[] data) {
            try {
                return delegate.deserialize(topic, data);
            } catch (RuntimeException e) {
                LOG.warn("skipping an unreadable record on {} for trend counts: {}", topic, e.getMessage());
                return null;
            }
        }
    }
}
