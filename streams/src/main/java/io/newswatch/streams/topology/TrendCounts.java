package io.newswatch.streams.topology;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.newswatch.model.Article;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.serde.Json;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
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
 *   <li>Input is {@code news.tagged}. Event time is the article's {@code publishedAt}, capped at the record's
 *       timestamp (an article cannot be published after it was fetched, and one bogus date in the future would
 *       otherwise push stream time ahead and make every later article late); without {@code publishedAt} it is
 *       the record's timestamp.</li>
 *   <li>Counted keys: every entity code ({@code RU}, {@code KP}, {@code CN}, upper case) and every tag
 *       ({@code ru-kp}, {@code triangle}, {@code sanctions-violation}, ..., lower case) of the article. All tags
 *       are counted, not only the pair tags, so a trend exists for any rule; entity codes and tags never collide
 *       because of their case.</li>
 *   <li>Each article counts at most once per key: store {@value #COUNTED_STORE} remembers which (article id, key)
 *       pairs were counted, so a new version of an article adds nothing, except a key the earlier versions lacked
 *       (an edit that adds China counts {@code CN} once). The count stays in the hour of the first counted
 *       version. An entry is forgotten once stream time is {@link #forgetAfter(Duration)} past its event time,
 *       when a repeat would be too late to count anyway.</li>
 *   <li>Counts live in the windowed store {@value #COUNTS_STORE} ({@code String} key, {@code Long} count), one
 *       epoch-aligned hour per window ({@link #WINDOW}), kept for {@link #retention(Duration)}. An article
 *       arriving after its hour's end plus the grace period is dropped by Kafka Streams; it shows up in the
 *       task-level {@code dropped-records-total} metric ({@code kafka_stream_task_dropped_records_total} on
 *       {@code /metrics}), not in a count.</li>
 *   <li>A {@code news.tagged} record that cannot be read is logged and skipped: the article itself already went
 *       through (or to the dead-letter topic from) the tagging processor, so only its count is lost.</li>
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

    static final String SOURCE = "trend-tagged-source";
    static final String FIRST_COUNTS = "trend-first-counts";
    static final String REPARTITION = "trend-keys";
    static final String COUNT = "trend-count";
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
        Serde<TaggedArticle> values = Serdes.serdeFrom(Topics.TAGGED.valueSerde().serializer(),
                new SkippingDeserializer(TrendCounts::readForCounting));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTED_STORE),
                Serdes.String(), Serdes.Long()));
        Duration forgetAfter = forgetAfter(grace);
        builder.stream(Topics.TAGGED.name(), Consumed.with(Topics.TAGGED.keySerde(), values)
                        .withTimestampExtractor(new PublishedAtExtractor()).withName(SOURCE))
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

    /** {@code publishedAt}, capped at the record timestamp; the record timestamp when unknown. */
    static final class PublishedAtExtractor implements TimestampExtractor {
        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            long recordTime = record.timestamp();
            if (record.value() instanceof TaggedArticle tagged && tagged.article() != null
                    && tagged.article().publishedAt() != null) {
                long published = tagged.article().publishedAt().toEpochMilli();
                return recordTime >= 0 ? Math.min(published, recordTime) : published;
            }
            return recordTime;
        }
    }

    /** Forwards (key, article id) for each key the article was not counted under yet. */
    private static final class FirstCountPerArticle implements Processor<String, TaggedArticle, String, String> {
        private final Duration forgetAfter;
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, Long> counted;

        FirstCountPerArticle(Duration forgetAfter) {
            this.forgetAfter = forgetAfter;
        }

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.counted = context.getStateStore(COUNTED_STORE);
            // stream time, not wall-clock time, so a replay forgets exactly what the original run forgot
            context.schedule(WINDOW, PunctuationType.STREAM_TIME, this::forgetOlderThan);
        }

        @Override
        public void process(Record<String, TaggedArticle> record) {
            TaggedArticle tagged = record.value();
            if (tagged == null || tagged.article() == null) {
                return;
            }
            String articleId = tagged.article().id();
            for (String key : countedKeys(tagged)) {
                String pair = articleId + '\0' + key;
                if (counted.get(pair) == null) {
                    counted.put(pair, record.timestamp());
                    context.forward(record.withKey(key).withValue(articleId));
                }
            }
        }

        private void forgetOlderThan(long streamTime) {
            long cutoff = streamTime - forgetAfter.toMillis();
            List<String> expired = new ArrayList<>();
            try (KeyValueIterator<String, Long> all = counted.all()) {
                while (all.hasNext()) {
                    KeyValue<String, Long> entry = all.next();
                    if (entry.value < cutoff) {
                        expired.add(entry.key);
                    }
                }
            }
            expired.forEach(counted::delete);
        }
    }

    /** The article serde's reading of an {@link Instant}, on a parser in the middle of a document. */
    private static final ObjectReader INSTANT = Json.mapper().readerFor(Instant.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Reads what counting needs (the article's id, URL and publication time, the entities and the tags) with a
     * streaming parser and builds nothing else: mentions, evidence and the article's other fields are skipped
     * without building strings, and when the tags come before the article, as {@link TaggedArticleSerializer}
     * writes them, reading stops at the article's publication time, before its text. Any field order is read
     * correctly; only the early stop depends on it.
     *
     * @return a tagged article holding only those fields, or null for a null record
     * @throws org.apache.kafka.common.errors.SerializationException when the bytes are not a tagged article
     */
    static TaggedArticle readForCounting(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try (JsonParser p = Json.mapper().getFactory().createParser(data)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new java.io.IOException("not a JSON object");
            }
            List<String> entities = null;
            List<String> tags = null;
            Article article = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "entities" -> entities = strings(p, value);
                    case "tags" -> tags = strings(p, value);
                    case "article" -> {
                        article = articleHead(p, value, entities != null && tags != null);
                        if (entities != null && tags != null) {
                            return counted(article, entities, tags);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return counted(article, entities, tags);
        } catch (java.io.IOException | RuntimeException e) {
            throw new org.apache.kafka.common.errors.SerializationException("cannot read a tagged article from "
                    + topic + ": " + e.getMessage(), e);
        }
    }

    private static TaggedArticle counted(Article article, List<String> entities, List<String> tags)
            throws java.io.IOException {
        if (article == null) {
            throw new java.io.IOException("no article");
        }
        return new TaggedArticle(TaggedArticle.SCHEMA_VERSION, article, entities, tags, null, null, null, null);
    }

    /**
     * An article holding only its id, URL and publication time (read as the article serde reads it, whatever its
     * form); the rest of the object is skipped unless {@code stopEarly}.
     */
    private static Article articleHead(JsonParser p, JsonToken start, boolean stopEarly) throws java.io.IOException {
        if (start != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String id = null;
        String url = null;
        Instant published = null;
        boolean publishedSeen = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value.isStructStart() && (field.equals("id") || field.equals("url"))) {
                throw new java.io.IOException("the article's " + field + " is not a string");
            }
            switch (field) {
                case "id" -> id = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "url" -> url = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "publishedAt" -> {
                    published = value == JsonToken.VALUE_NULL ? null : INSTANT.readValue(p);
                    publishedSeen = true;
                }
                default -> p.skipChildren();
            }
            if (stopEarly && publishedSeen && id != null && url != null) {
                break;
            }
        }
        if (id == null || url == null) {
            throw new java.io.IOException("the article has no id or URL");
        }
        return new Article(Article.SCHEMA_VERSION, id, url, null, null, null, published, null, null, null, null);
    }

    private static List<String> strings(JsonParser p, JsonToken start) throws java.io.IOException {
        if (start == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (start != JsonToken.START_ARRAY) {
            throw new java.io.IOException("expected a list of strings");
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.getText());
        }
        return out;
    }

    /** Reads a {@code TaggedArticle}, or logs why it cannot and yields null so the record is skipped. */
    private record SkippingDeserializer(Deserializer<TaggedArticle> delegate) implements Deserializer<TaggedArticle> {
        @Override
        public TaggedArticle deserialize(String topic, byte[] data) {
            try {
                return delegate.deserialize(topic, data);
            } catch (RuntimeException e) {
                LOG.warn("skipping an unreadable record on {} for trend counts: {}", topic, e.getMessage());
                return null;
            }
        }
    }
}
