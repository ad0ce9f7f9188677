package io.newswatch.console.internal;

import io.newswatch.model.Alert;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts the console shows: one consumer reads the newest records of {@code news.alerts} (the capacity's share
 * of each partition), then follows it, with no consumer group (the console commits nothing and never takes
 * partitions from a service); it keeps the newest {@code capacity} alerts in memory, numbers them in arrival order,
 * and hands each new one to the listeners (the live pages).
 *
 * <p>Failure behaviour: a record that does not read as an alert is skipped with a log line naming its partition and
 * offset; the alerts service sends such records to the dead-letter topic, the console only shows. When the broker is
 * away the consumer retries on its own; the pages keep what they have.
 */
public final class AlertFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);

    /** One alert with its place in the arrival order, which the live stream resumes from. */
    public record Entry(long sequence, Alert alert) {
    }

    private final int capacity;
    private final Deque<Entry> newest = new ArrayDeque<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, Alert> consumer;
    private final Thread thread;
    private long sequence;
    private volatile boolean running = true;

    /** Starts reading; {@code client} holds the cluster's address and any client settings (security, SASL). */
    public AlertFeed(Properties client, int capacity) {
        this.capacity = capacity;
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-console");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // the pipeline creates its topics with the catalogue's settings; a reader must never create one by asking
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        thread = new Thread(this::run, "newswatch-console-alerts");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            boolean assigned = false;
            while (running) {
                if (!assigned) {
                    assigned = assign();
                    if (!assigned) {
                        Thread.sleep(500);
                        continue;
                    }
                }
                try {
                    for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() != null) {
                            add(record.value());
                        }
                    }
                } catch (SerializationException e) {
                    LOG.warn("skipping a record of {} that is not an alert: {}", Topics.ALERTS.name(), e.getMessage());
                    skipPoison(e);
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    // the cluster is away or refused us: the consumer reconnects by itself; the pages keep their alerts
                    LOG.warn("reading {}: {}", Topics.ALERTS.name(), e.toString());
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Takes every partition of the topic once the topic exists; false while it does not. */
    private boolean assign() {
        List<org.apache.kafka.common.PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(Topics.ALERTS.name(), Duration.ofSeconds(2));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return false; // no broker answered yet
        }
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<org.apache.kafka.common.TopicPartition> all = new ArrayList<>();
        partitions.forEach(p -> all.add(new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())));
        consumer.assign(all);
        // only the newest: a topic of a year of alerts is not read whole to keep its last few thousand
        Map<org.apache.kafka.common.TopicPartition, Long> begin = consumer.beginningOffsets(all);
        Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(all);
        long share = Math.max(1, (capacity + all.size() - 1) / all.size());
        for (var tp : all) {
            consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - share));
        }
        return true;
    }

    private void skipPoison(SerializationException e) {
        if (e instanceof org.apache.kafka.common.errors.RecordDeserializationException r) {
            LOG.warn("skipped {} offset {}", r.topicPartition(), r.offset());
            consumer.seek(r.topicPartition(), r.offset() + 1);
        }
    }

    private void add(Alert alert) {
        Entry entry;
        synchronized (newest) {
            entry = new Entry(++sequence, alert);
            newest.addFirst(entry);
            while (newest.size() > capacity) {
                newest.removeLast();
            }
        }
        for (Consumer<Entry> listener : listeners) {
            listener.accept(entry);
        }
    }

    /** Up to {@code limit} of the kept alerts that pass the filter, newest first. */
    public List<Entry> newest(Predicate<Alert> filter, int limit) {
        List<Entry> out = new ArrayList<>();
        synchronized (newest) {
            for (Entry e : newest) {
                if (out.size() >= limit) {
                    break;
                }
                if (filter.test(e.alert())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** The kept alerts that arrived after {@code sequence}, oldest first: what a reconnecting page missed. */
    public List<Entry> after(long sequence) {
        List<Entry> out = new ArrayList<>();
        synchronized (newest) {
            for (var it = newest.descendingIterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (e.sequence() > sequence) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** How many alerts are kept. */
    public int size() {
        synchronized (newest) {
            return newest.size();
        }
    }

    public void listen(Consumer<Entry> listener) {
        listeners.add(listener);
    }

    public void unlisten(Consumer<Entry> listener) {
        listeners.remove(listener);
    }

    /**
     * Counts of the kept alerts by each value of a key (a rule, the tags), for the filter choices; null values are
     * not counted.
     */
    public Map<String, Integer> count(java.util.function.Function<Alert, List<String>> keys) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        synchronized (newest) {
            for (Entry e : newest) {
                for (String k : keys.apply(e.alert())) {
                    if (k != null) {
                        counts.merge(k, 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
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
