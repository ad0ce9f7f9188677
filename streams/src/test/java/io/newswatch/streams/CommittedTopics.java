package io.newswatch.streams;

import static org.awaitility.Awaitility.await;

import io.newswatch.model.Article;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Writing to and reading back from a real broker in exactly-once integration tests: an idempotent producer for
 * news.articles, and a read_committed reader, so a test sees only what the topology committed and a duplicate is a
 * real duplicate, never a retried send or an aborted transaction.
 */
final class CommittedTopics {
    private static final Duration POLL = Duration.ofMillis(300);
    /** Polls after the wanted count arrived, so records committed later than expected still show up as extras. */
    private static final int EXTRA_POLLS = 5;

    private CommittedTopics() {
    }

    /**
     * An idempotent producer for news.articles with acks=all, so a retried send never writes an article twice. The
     * caller closes it.
     */
    static KafkaProducer<String, Article> articleProducer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(p, Topics.ARTICLES.keySerde().serializer(),
                Topics.ARTICLES.valueSerde().serializer());
    }

    /**
     * Every committed key on {@code topic}, in no particular order and with any duplicates kept, read from the
     * beginning with a fresh consumer group. Reads until at least {@code atLeast} keys arrived, then polls a few more
     * times so that keys beyond the expected count (duplicates, strays) are caught too.
     *
     * @throws org.awaitility.core.ConditionTimeoutException if fewer than {@code atLeast} keys arrive {@code within}
     */
    static <V> List<String> committedKeys(String bootstrapServers, TopicSpec<String, V> topic, int atLeast,
                                          Duration within) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> keys = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            await().atMost(within).pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(POLL).forEach(r -> keys.add(r.key()));
                return keys.size() >= atLeast;
            });
            for (int i = 0; i < EXTRA_POLLS; i++) {
                consumer.poll(POLL).forEach(r -> keys.add(r.key()));
            }
        }
        return keys;
    }
}
