package io.newswatch.console.internal;

import io.newswatch.model.Alert;
import io.newswatch.model.topics.Topics;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * The alerts the console shows: a {@link TopicTail} reads the newest records of {@code news.alerts} (the capacity's
 * share of each partition), then follows it; it keeps the newest {@code capacity} alerts in memory, numbers them in arrival order,
 * and hands each new one to the listeners (the live pages).
 *
 * <p>Failure behaviour: a record that does not read as an alert is skipped with a log line naming its partition and
 * offset; the alerts service sends such records to the dead-letter topic, the console only shows. When the broker is
 * away the consumer retries on its own; the pages keep what they have.
 */
public final class AlertFeed implements AutoCloseable {
    /** One alert with its place in the arrival order, which the live stream resumes from. */
    public record Entry(long sequence, Alert alert) {
    }

    private final int capacity;
    private final Deque<Entry> newest = new ArrayDeque<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    private final TopicTail<Alert> tail;
    private long sequence;

    /** Starts reading; {@code client} holds the cluster's address and any client settings (security, SASL). */
    public AlertFeed(Properties client, int capacity) {
        this.capacity = capacity;
        // only the newest: a topic of a year of alerts is not read whole to keep its last few thousand
        this.tail = new TopicTail<>(client, "newswatch-console-alerts", Topics.ALERTS, (consumer, partitions) -> {
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long share = Math.max(1, (capacity + partitions.size() - 1) / partitions.size());
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - share));
            }
        }, (partition, offset, alert) -> add(alert));
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
        return newest(filter, limit, Long.MAX_VALUE);
    }

    /** Up to {@code limit} of the kept alerts that arrived before {@code before} and pass the filter, newest first. */
    public List<Entry> newest(Predicate<Alert> filter, int limit, long before) {
        List<Entry> out = new ArrayList<>();
        synchronized (newest) {
            for (Entry e : newest) {
                if (out.size() >= limit) {
                    break;
                }
                if (e.sequence() < before && filter.test(e.alert())) {
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
        tail.close();
    }
}
