package io.newswatch.ingest.publish;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.newswatch.model.topics.ClientProperties;
import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.serde.Json;
import io.newswatch.model.serde.JsonSerde;
import io.newswatch.model.topics.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to {@link Topics#ARTICLES}, each version once.
 *
 * <p>What was published lives in Kafka, not in a local file: {@link #loadPublished()} reads the compacted topic
 * from the beginning to its end offsets and remembers each article id's content hash, so after a restart (or on
 * another machine) an unchanged article is not published again. It then keeps following the topic in a background
 * thread, so articles that other ingest instances publish are known here too: an instance that takes over a source
 * calls {@link #catchUp} first and so never publishes again what the previous owner published.
 * {@link #publishIfChanged} sends only a new id or a changed content hash, keyed by the article id, with an
 * idempotent {@code acks=all} producer (lz4, 10 ms linger). An article whose text is longer than the configured cap
 * ({@code ingest.max.text.chars}) is published with its text cut to the cap and its original length recorded
 * ({@link Article#withTextCappedAt}): scraped text is hostile input, and every record built from an article
 * downstream must stay within Kafka's record size limit.
 *
 * <p>Failure behaviour: a record on the topic that cannot be read is skipped with a WARN naming its partition and
 * offset; a send that fails is logged with the article's URL and forgotten, so the next poll sends it again.
 */
public final class ArticlePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);
    private static final Duration LOAD_STALL_LIMIT = Duration.ofSeconds(60);
    private static final String CONTENT_HASH = "contentHash";

    private final Properties kafkaProps;
    private final String clientId;
    private final int maxTextChars;
    private final Map<String, String> published = new ConcurrentHashMap<>();
    private final List<Consumer<Article>> listeners = new CopyOnWriteArrayList<>();
    private final JsonSerde<Article> serde = JsonSerde.of(Article.class);
    private final Queue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private KafkaProducer<String, Article> producer;
    private List<TopicPartition> partitions = List.of();
    private Thread follower;
    private volatile boolean closing;
    private volatile RuntimeException followFailure;

    /**
     * @param kafkaProps   connection properties (bootstrap servers, security); copied, not changed
     * @param clientId     client id prefix for the producer and the loading consumer
     * @param maxTextChars the longest article text published ({@code ingest.max.text.chars}); longer ones are cut
     * @throws IllegalArgumentException when {@code maxTextChars} is less than 1
     */
    public ArticlePublisher(Properties kafkaProps, String clientId, int maxTextChars) {
        if (maxTextChars < 1) {
            throw new IllegalArgumentException("maxTextChars must be at least 1: " + maxTextChars);
        }
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.clientId = clientId;
        this.maxTextChars = maxTextChars;
    }

    /** With the default text cap of {@link ConfigKeys#ARTICLE_MAX_TEXT}. */
    public ArticlePublisher(Properties kafkaProps, String clientId) {
        this(kafkaProps, clientId, NewswatchConfig.defaults().get(ConfigKeys.ARTICLE_MAX_TEXT));
    }

    /**
     * Reads {@link Topics#ARTICLES} from the beginning to its current end and opens the producer.
     *
     * @return how many articles are known
     * @throws IllegalStateException when the topic cannot be read to its end within a minute of no progress
     */
    public int loadPublished() {
        Properties p = (Properties) kafkaProps.clone();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-follow");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String topic = Topics.ARTICLES.name();
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        try {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long lastProgress = System.nanoTime();
            while (!reachedEnd(consumer, end)) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    remember(r);
                }
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > LOAD_STALL_LIMIT.toNanos()) {
                    throw new IllegalStateException("cannot read " + topic + " to its end offsets " + end);
                }
            }
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
        LOG.info("{} articles already published on {}", published.size(), topic);
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), serde);
        follower = new Thread(() -> follow(consumer), "newswatch-ingest-follow-articles");
        follower.setDaemon(true);
        follower.start();
        return published.size();
    }

    /**
     * Keeps reading what any instance publishes. Catch-up requests are answered here because the consumer may only
     * be used by this thread: each takes the end offsets at the time it is seen and completes once they are read.
     */
    private void follow(KafkaConsumer<byte[], byte[]> consumer) {
        Map<CompletableFuture<Void>, Map<TopicPartition, Long>> waiting = new HashMap<>();
        try (consumer) {
            while (!closing) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    remember(r);
                }
                CompletableFuture<Void> request;
                while ((request = catchUpRequests.poll()) != null) {
                    waiting.put(request, consumer.endOffsets(partitions, Duration.ofSeconds(30)));
                }
                waiting.entrySet().removeIf(e -> reachedEnd(consumer, e.getValue()) && e.getKey().complete(null));
            }
        } catch (WakeupException e) {
            // close() ends the thread
        } catch (RuntimeException e) {
            LOG.error("stopped following {}: {}; other instances' articles are no longer seen here",
                    Topics.ARTICLES.name(), e.toString(), e);
            followFailure = e;
        } finally {
            waiting.keySet().forEach(f -> f.completeExceptionally(new IllegalStateException(
                    "stopped following " + Topics.ARTICLES.name())));
        }
    }

    /**
     * Waits until everything on {@link Topics#ARTICLES} at the time of the call has been read, so articles another
     * instance published before are known here.
     *
     * @throws IllegalStateException when {@link #loadPublished()} has not run, following stopped, or the topic could
     *                               not be read within the timeout
     */
    public void catchUp(Duration timeout) {
        if (follower == null) {
            throw new IllegalStateException("loadPublished() must run before catchUp()");
        }
        if (followFailure != null) {
            throw new IllegalStateException("not following " + Topics.ARTICLES.name(), followFailure);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        catchUpRequests.add(done);
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while catching up with " + Topics.ARTICLES.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot catch up with " + Topics.ARTICLES.name() + " within " + timeout,
                    e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void remember(ConsumerRecord<byte[], byte[]> r) {
        String key = r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
        if (key == null) {
            LOG.warn("{} partition {} offset {}: record without a key, ignored", r.topic(), r.partition(),
                    r.offset());
            return;
        }
        if (r.value() == null) {
            published.remove(key);
            return;
        }
        try {
            published.put(key, contentHashOf(r.value()));
        } catch (IOException e) {
            LOG.warn("{} partition {} offset {}: unreadable article, ignored: {}", r.topic(), r.partition(),
                    r.offset(), e.getMessage());
        }
    }

    /**
     * The {@code contentHash} of an article record, read without decoding the rest: the text, most of the record,
     * is skipped unread. Every article on the topic passes through here (at start and while following), so this
     * is what a restart over a large archive costs.
     *
     * @throws IOException when the record is not a JSON object with a string {@code contentHash}
     */
    static String contentHashOf(byte[] record) throws IOException {
        try (JsonParser parser = Json.mapper().getFactory().createParser(record)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (CONTENT_HASH.equals(field) && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
        }
        throw new IOException("no " + CONTENT_HASH);
    }

    private Properties producerProperties() {
        Properties p = ClientProperties.producer(kafkaProps, clientId);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        // a backfill publishes thousands of 5 KB articles at once: the default 16 KB batch holds three of them,
        // and every batch costs the broker a request, an append and a compression frame
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        return p;
    }

    /** Registers a callback run for every article Kafka acknowledged; its exceptions are logged, not thrown. */
    public void onPublished(Consumer<Article> listener) {
        listeners.add(listener);
    }

    /**
     * Sends the article, its text cut to the cap, when it is new or changed.
     *
     * @return true when it was sent, false when the same version is already on the topic
     * @throws IllegalStateException when {@link #loadPublished()} was not called
     */
    public boolean publishIfChanged(Article whole) {
        if (producer == null) {
            throw new IllegalStateException("loadPublished() must run before publishing");
        }
        Article article = whole.withTextCappedAt(maxTextChars);
        if (article != whole) {
            LOG.info("article {} ({}): text of {} characters cut to {}", article.url(), article.id(),
                    whole.text().length(), article.text().length());
        }
        String previous = published.put(article.id(), article.contentHash());
        if (article.contentHash().equals(previous)) {
            return false;
        }
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.id(), article), (meta, error) -> {
            if (error != null) {
                published.remove(article.id(), article.contentHash());
                LOG.warn("cannot publish article {} ({}): {}; it is sent again at the next poll", article.url(),
                        article.id(), error.getMessage());
                return;
            }
            for (Consumer<Article> l : listeners) {
                try {
                    l.accept(article);
                } catch (RuntimeException e) {
                    LOG.warn("a publish listener failed on {}: {}", article.url(), e.toString());
                }
            }
        });
        return true;
    }

    /** Waits until every article sent so far is acknowledged or failed. */
    public void flush() {
        if (producer != null) {
            producer.flush();
        }
    }

    @Override
    public void close() {
        closing = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        if (follower != null) {
            try {
                follower.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
