package io.newswatch.console.internal;

import io.newswatch.model.Article;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console knows of {@code news.tagged} without keeping its texts: where each article's latest record
 * lies (partition and offset, so the article page fetches that one record), a line of it for lists, and the
 * articles per hour of each tag and entity code, counted at the article's own time (publication, else fetch) and
 * counted once per article: a re-tagged article moves its counts from its old tags to its new ones.
 *
 * <p>Memory: about 300 bytes an article (id, headline cut to {@value #TITLE} chars, tags) and one counter per tag and
 * hour; beyond {@value #MAX_ARTICLES} articles the oldest are forgotten (their counts stay).
 *
 * <p>Failure behaviour: as {@link TopicTail}'s (a record that is not a tagged article is skipped with a WARN naming
 * its offset; while the topic does not exist or the broker is away, it retries and keeps what it has); an article
 * whose record cannot be read back gives an empty answer, and the page says it is not found.
 */
public final class ArticleIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleIndex.class);
    static final int TITLE = 160;
    static final int MAX_ARTICLES = 100_000;

    /** One article's line: where its record lies and what lists show of it. */
    public record Summary(String id, int partition, long offset, String title, String sourceId, Instant at,
                          List<String> tags, List<String> entities) {
    }

    private final Map<String, Summary> articles = new LinkedHashMap<>();
    /** "tag:ru-kp" or "entity:KP" to counts per hour (epoch hour). */
    private final Map<String, TreeMap<Long, Long>> hourly = new HashMap<>();
    private final Properties client;
    private final TopicTail<TaggedArticle> tail;
    private KafkaConsumer<String, TaggedArticle> fetcher;
    private final Object fetcherLock = new Object();

    public ArticleIndex(Properties client) {
        this.client = client;
        this.tail = new TopicTail<>(client, "newswatch-console-tagged", Topics.TAGGED,
                (consumer, partitions) -> consumer.seekToBeginning(partitions), (partition, offset, tagged) -> {
                    if (tagged.article() != null) {
                        add(partition, offset, tagged);
                    }
                });
    }

    private synchronized void add(int partition, long offset, TaggedArticle t) {
        Article a = t.article();
        Summary old = articles.remove(a.id());
        if (old != null) {
            count(old, -1);
        }
        String title = a.title() == null ? "" : a.title();
        Summary s = new Summary(a.id(), partition, offset, title.length() > TITLE ? title.substring(0, TITLE) + "…"
                : title, a.sourceId(), a.eventTime(), List.copyOf(t.tags()), List.copyOf(t.entities()));
        articles.put(a.id(), s);
        count(s, 1);
        if (articles.size() > MAX_ARTICLES) {
            articles.remove(articles.keySet().iterator().next());
        }
    }

    private void count(Summary s, long delta) {
        if (s.at() == null) {
            return;
        }
        long hour = s.at().getEpochSecond() / 3600;
        for (String tag : s.tags()) {
            hourly.computeIfAbsent("tag:" + tag, k -> new TreeMap<>()).merge(hour, delta, Long::sum);
        }
        for (String entity : s.entities()) {
            hourly.computeIfAbsent("entity:" + entity, k -> new TreeMap<>()).merge(hour, delta, Long::sum);
        }
    }

    /** The line of one article, if it has been read. */
    public synchronized Optional<Summary> summary(String id) {
        return Optional.ofNullable(articles.get(id));
    }

    /** How many articles have been read. */
    public synchronized int size() {
        return articles.size();
    }

    /** The keys that have counts: {@code tag:...} and {@code entity:...}, sorted. */
    public synchronized List<String> keys() {
        return new ArrayList<>(new TreeSet<>(hourly.keySet()));
    }

    /** The newest hour anything was counted in, or null. */
    public synchronized Instant newest() {
        long max = Long.MIN_VALUE;
        for (TreeMap<Long, Long> m : hourly.values()) {
            if (!m.isEmpty()) {
                max = Math.max(max, m.lastKey());
            }
        }
        return max == Long.MIN_VALUE ? null : Instant.ofEpochSecond(max * 3600);
    }

    /**
     * Articles per hour or per day ({@code days}) of one key over {@code [from, to)}, every bucket listed (zero where
     * none), buckets aligned to UTC.
     */
    public synchronized SortedMap<Instant, Long> counts(String key, Instant from, Instant to, boolean days) {
        ChronoUnit unit = days ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        SortedMap<Instant, Long> out = new TreeMap<>();
        for (Instant b = from.truncatedTo(unit); b.isBefore(to); b = b.plus(1, unit)) {
            out.put(b, 0L);
        }
        TreeMap<Long, Long> m = hourly.get(key);
        if (m != null) {
            m.subMap(from.getEpochSecond() / 3600, true, (to.getEpochSecond() - 1) / 3600, true).forEach((h, n) -> {
                Instant b = Instant.ofEpochSecond(h * 3600).truncatedTo(unit);
                out.merge(b, n, Long::sum);
            });
        }
        return out;
    }

    /**
     * The article's latest tagged record, read from the topic.
     *
     * @return empty when the index does not know the id, or the record is gone (retention) or unreadable
     */
    public Optional<TaggedArticle> fetch(String id) {
        Summary s = summary(id).orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (this.fetcherLock) {
            if (fetcher == null) {
                // one record at a time, on demand: a fetch that waits at the log's end for more would hold the
                // next article page for fetch.max.wait.ms (500 ms)
                Properties quick = new Properties();
                quick.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
                quick.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
                fetcher = TopicTail.consumer(client, "newswatch-console-article", Topics.TAGGED, quick);
            }
            TopicPartition tp = new TopicPartition(Topics.TAGGED.name(), s.partition());
            try {
                fetcher.assign(List.of(tp));
                fetcher.seek(tp, s.offset());
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, TaggedArticle> r : fetcher.poll(Duration.ofMillis(200))) {
                        if (r.offset() == s.offset()) {
                            return Optional.ofNullable(r.value());
                        }
                        if (r.offset() > s.offset()) {
                            return Optional.empty();
                        }
                    }
                }
            } catch (KafkaException e) {
                LOG.warn("cannot read article {} at {} offset {}: {}", id, tp, s.offset(), e.toString());
            }
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        tail.close();
        synchronized (fetcherLock) {
            if (fetcher != null) {
                fetcher.close(Duration.ofSeconds(1));
            }
        }
    }
}
