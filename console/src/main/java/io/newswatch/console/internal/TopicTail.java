package io.newswatch.console.internal;

import io.newswatch.model.topics.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
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
 * Reads a topic on a daemon thread, with no consumer group (the console commits nothing and never takes partitions
 * from a service) and {@code read_committed}, from where {@link Start} puts it, and hands every record to a handler.
 *
 * <p>Failure behaviour: while the topic does not exist (the console may start before the pipeline) or no broker
 * answers, it tries again every second; a record that does not deserialize is skipped with a WARN naming its
 * partition and offset; any other client error is logged and reading goes on, the consumer reconnecting by itself.
 *
 * @param <V> the value type
 */
final class TopicTail<V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);

    /** Where reading starts, once the partitions are known and assigned. */
    @FunctionalInterface
    interface Start {
        void seek(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions);
    }

    /** Gets each record with a value, in partition order. */
    @FunctionalInterface
    interface Handler<V> {
        void accept(int partition, long offset, V value);
    }

    private final TopicSpec<String, V> topic;
    private final KafkaConsumer<String, V> consumer;
    private final Start start;
    private final Handler<V> handler;
    private final Thread thread;
    private volatile boolean running = true;

    TopicTail(Properties client, String clientId, TopicSpec<String, V> topic, Start start, Handler<V> handler) {
        this.topic = topic;
        this.consumer = consumer(client, clientId, topic, new Properties());
        this.start = start;
        this.handler = handler;
        this.thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** A consumer of the topic with the console's settings, and {@code extra} on top. */
    static <V> KafkaConsumer<String, V> consumer(Properties client, String clientId, TopicSpec<String, V> topic,
                                                 Properties extra) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // the pipeline creates its topics with the catalogue's settings; a reader must never create one by asking
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.putAll(extra);
        return new KafkaConsumer<>(p, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private void run() {
        try {
            while (running && !assign()) {
                Thread.sleep(1000);
            }
            while (running) {
                try {
                    for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.value() != null) {
                            handler.accept(r.partition(), r.offset(), r.value());
                        }
                    }
                } catch (RecordDeserializationException e) {
                    LOG.warn("skipping {} offset {}: not a record of {} ({})", e.topicPartition(), e.offset(),
                            topic.name(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    LOG.warn("reading {}: {}", topic.name(), e.toString());
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Takes every partition once the topic exists; false while it does not or no broker answers. */
    private boolean assign() {
        try {
            var infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(2));
            if (infos == null || infos.isEmpty()) {
                return false;
            }
            List<TopicPartition> all = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(all);
            start.seek(consumer, all);
            return true;
        } catch (KafkaException e) {
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
