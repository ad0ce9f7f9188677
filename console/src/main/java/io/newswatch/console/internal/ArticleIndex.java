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
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
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
 * <p>Failure behaviour: a record that is not a tagged article is skipped with a WARN naming partition and offset;
 * while the topic does not exist or the broker is away, the index retries every 5 s and keeps what it has.
 */
public final class ArticleIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleIndex.class);
    static final int TITLE = 160;
    static final int MAX_ARTICLES = 500_000;

    /** One article's line: where its record lies and what lists show of it. */
    public record Summary(String id, int partition, long offset, String title, String sourceId, Instant at,
                          List<String> tags, List<String> entities) {
    }

    private final Map<String, Summary> articles = new LinkedHashMap<>();
    /** "tag:ru-kp" or "entity:KP" to counts per hour (epoch hour). */
    private final Map<String, TreeMap<Long, Long>> hourly = new HashMap<>();
    private final Properties client;
    private final KafkaConsumer<String, TaggedArticle> follower;
    private KafkaConsumer<String, TaggedArticle> fetcher;
    private final Thread thread;
    private volatile boolean running = true;

    public ArticleIndex(Properties client) {
        this.client = client;
        this.follower = consumer("newswatch-console-tagged");
        thread = new Thread(this::run, "newswatch-console-tagged");
        thread.setDaemon(true);
        thread.start();
    }

    private KafkaConsumer<String, TaggedArticle> consumer(String clientId) {
        Properties p = new Properties();
        p.putAll(client);
        if (clientId.endsWith("-article")) {
            // one record at a time, on demand: a fetch that waits at the log's end for more would hold the next
            // article page for fetch.max.wait.ms (500 ms)
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        }
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(p, Topics.TAGGED.keySerde().deserializer(),
                Topics.TAGGED.valueSerde().deserializer());
    }

    private void run() {
        try {
            while (running && !assign(follower)) {
                Thread.sleep(5000);
            }
            while (running) {
                try {
                    for (ConsumerRecord<String, TaggedArticle> r : follower.poll(Duration.ofMillis(500))) {
                        if (r.value() != null && r.value().article() != null) {
                            add(r.partition(), r.offset(), r.value());
                        }
                    }
                } catch (RecordDeserializationException e) {
                    LOG.warn("skipping {} offset {}: not a tagged article ({})", e.topicPartition(), e.offset(),
                            e.getMessage());
                    follower.seek(e.topicPartition(), e.offset() + 1);
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    LOG.warn("reading {}: {}", Topics.TAGGED.name(), e.toString());
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } finally {
            follower.close(Duration.ofSeconds(2));
        }
    }

    private static boolean assign(KafkaConsumer<String, TaggedArticle> c) {
        try {
            var infos = c.partitionsFor(Topics.TAGGED.name(), Duration.ofSeconds(2));
            if (infos == null || infos.isEmpty()) {
                return false;
            }
            List<TopicPartition> all = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(all);
            c.seekToBeginning(all);
            return true;
        } catch (KafkaException e) {
            return false;
        }
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
                fetcher = consumer("newswatch-console-article");
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

    private final Object fetcherLock = new Object();

    @Override
    public void close() {
        running = false;
        follower.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (fetcherLock) {
            if (fetcher != null) {
                fetcher.close(Duration.ofSeconds(1));
            }
        }
    }
}
