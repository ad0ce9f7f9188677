package io.newswatch.console.internal;

import io.newswatch.model.topics.CompactedTopicFollower;
import io.newswatch.model.topics.TopicSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current value of every key of a compacted topic ({@code news.events}, {@code news.rules},
 * {@code news.sources.status}), kept in memory and followed as it changes.
 *
 * <p>The console may start before the pipeline has created its topics, so the first read runs on a daemon thread
 * that tries again every {@value #RETRY_MS} ms, logging each failure once per kind, until the topic can be read;
 * until then the page shows an empty catalogue and says it is still loading ({@link #loaded()}). Records that do not
 * decode are skipped by {@link CompactedTopicFollower} with a WARN naming their offset.
 *
 * @param <V> the value type
 */
public final class Catalogue<V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Catalogue.class);
    static final long RETRY_MS = 5_000;

    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final TopicSpec<String, V> topic;
    private volatile CompactedTopicFollower<String, V> follower;
    private volatile boolean loaded;
    private volatile boolean closed;

    /** Starts reading {@code topic} in the background. */
    public Catalogue(Properties client, String clientId, TopicSpec<String, V> topic) {
        this.topic = topic;
        Thread t = new Thread(() -> load(client, clientId), "newswatch-console-" + topic.name());
        t.setDaemon(true);
        t.start();
    }

    private void load(Properties client, String clientId) {
        String lastError = null;
        while (!closed) {
            CompactedTopicFollower<String, V> f = new CompactedTopicFollower<>(client, clientId, topic, this::apply);
            try {
                f.start();
                follower = f;
                loaded = true;
                if (closed) {
                    f.close();
                }
                return;
            } catch (RuntimeException e) {
                f.close();
                if (!e.toString().equals(lastError)) {
                    LOG.warn("cannot read {} yet ({}); trying again every {} s", topic.name(), e.getMessage(),
                            RETRY_MS / 1000);
                    lastError = e.toString();
                }
                values.clear();
                try {
                    Thread.sleep(RETRY_MS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void apply(String key, V value) {
        if (key == null) {
            return;
        }
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    /** True once the topic has been read to its end. */
    public boolean loaded() {
        return loaded;
    }

    /** The value of one key, or null. */
    public V get(String key) {
        return key == null ? null : values.get(key);
    }

    /** Every current value, in the given order. */
    public List<V> all(Comparator<? super V> order) {
        List<V> all = new ArrayList<>(values.values());
        all.sort(order);
        return all;
    }

    /** A copy of every key and its value. */
    public Map<String, V> asMap() {
        return new java.util.HashMap<>(values);
    }

    /**
     * Waits, at most {@code timeout}, until everything written to the topic before the call has been read: an action
     * that just wrote a record shows it on the next page.
     */
    public void awaitCaughtUp(java.time.Duration timeout) {
        CompactedTopicFollower<String, V> f = follower;
        if (f != null) {
            f.awaitCaughtUp(timeout);
        }
    }

    /** The number of keys. */
    public int size() {
        return values.size();
    }

    @Override
    public void close() {
        closed = true;
        CompactedTopicFollower<String, V> f = follower;
        if (f != null) {
            f.close();
        }
    }
}
