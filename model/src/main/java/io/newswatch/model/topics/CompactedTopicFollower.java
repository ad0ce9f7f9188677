package io.newswatch.model.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a process's view of a compacted catalogue topic current: {@link #start()} reads every partition from the
 * beginning to its end offsets before it returns, then a daemon thread follows the topic and hands every later
 * record to the listener. {@link #awaitCaughtUp(Duration)} waits until everything written before the call has been
 * handed over, which is how a process that takes over work from another one (a rebalance) sees that one's last
 * writes first.
 *
 * <p>Reads with {@code read_committed} and no consumer group: every instance reads the whole topic.
 *
 * <p>Failure behaviour: a record whose key or value cannot be deserialized, or that the listener rejects with an
 * {@link IllegalArgumentException}, is skipped with a WARN naming topic, partition and offset. A read that makes no
 * progress for {@link CompactedTopicReader#STALL_LIMIT} fails {@link #start()} with {@link IllegalStateException}.
 * If following stops on an unexpected error it is logged at ERROR; what was read stays, and
 * {@link #awaitCaughtUp} then reports false.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class CompactedTopicFollower<K, V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicFollower.class);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    /** Receives the topic's records in order, on one thread at a time. */
    @FunctionalInterface
    public interface Listener<K, V> {
        /**
         * @param value the new value, or null when the key was removed (a tombstone)
         * @throws IllegalArgumentException to reject a record (logged and skipped)
         */
        void apply(K key, V value);
    }

    private final Properties kafkaProps;
    private final String clientId;
    private final TopicSpec<K, V> topic;
    private final Listener<K, V> listener;
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private final Map<CompletableFuture<Void>, Map<TopicPartition, Long>> catchUpTargets = new HashMap<>();
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread follower;
    private volatile boolean closing;
    private volatile boolean failed;

    /**
     * @param kafkaProps connection properties; copied
     * @param clientId   client id of the follower's consumer
     * @param topic      the topic to follow
     * @param listener   gets each record's key and value
     */
    public CompactedTopicFollower(Properties kafkaProps, String clientId, TopicSpec<K, V> topic,
                                  Listener<K, V> listener) {
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.clientId = clientId;
        this.topic = topic;
        this.listener = listener;
    }

    /**
     * Reads the topic to its current end (the listener sees every record on this thread), then follows it.
     *
     * @throws IllegalStateException when already started, the topic does not exist, or it cannot be read to its end
     */
    public synchronized void start() {
        if (consumer != null) {
            throw new IllegalStateException("already following " + topic.name());
        }
        Properties p = ClientProperties.groupless(kafkaProps, clientId);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = partitions(c);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            readToEnd(c, c.endOffsets(partitions, METADATA_WAIT));
        } catch (RuntimeException e) {
            c.close(Duration.ZERO);
            throw e;
        }
        consumer = c;
        follower = new Thread(() -> follow(c), "newswatch-follow-" + topic.name());
        follower.setDaemon(true);
        follower.start();
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c) {
        long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
        while (true) {
            // a topic created a moment ago may not be in the metadata yet
            var infos = c.partitionsFor(topic.name(), METADATA_WAIT);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic.name() + " has no partitions");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + topic.name(), e);
            }
        }
    }

    private void readToEnd(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> end) {
        long lastProgress = System.nanoTime();
        while (!reached(c, end)) {
            var records = c.poll(Duration.ofMillis(200));
            records.forEach(this::apply);
            if (!records.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > CompactedTopicReader.STALL_LIMIT.toNanos()) {
                throw new IllegalStateException("cannot read " + topic.name() + " to its end offsets " + end);
            }
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
    }

    private void follow(KafkaConsumer<byte[], byte[]> c) {
        try (c) {
            while (!closing) {
                for (CompletableFuture<Void> request; (request = catchUpRequests.poll()) != null; ) {
                    catchUpTargets.put(request, c.endOffsets(c.assignment(), METADATA_WAIT));
                }
                c.poll(POLL).forEach(this::apply);
                List<CompletableFuture<Void>> done = new ArrayList<>();
                catchUpTargets.forEach((request, end) -> {
                    if (reached(c, end)) {
                        done.add(request);
                    }
                });
                done.forEach(catchUpTargets::remove);
                done.forEach(request -> request.complete(null));
            }
        } catch (WakeupException e) {
            // close() ends the thread
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("stopped following {}: {}; what was read stays, later changes are not seen", topic.name(),
                    e.toString(), e);
        } finally {
            catchUpTargets.keySet().forEach(r -> r.complete(null));
            catchUpRequests.forEach(r -> r.complete(null));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        CompactedTopicReader.decode(topic, r, listener);
    }

    /**
     * Waits until every record written to the topic before this call has reached the listener.
     *
     * @return true when caught up; false on timeout, interruption, or when following has stopped (closed or failed)
     */
    public boolean awaitCaughtUp(Duration timeout) {
        if (closing || failed || follower == null || !follower.isAlive()) {
            return false;
        }
        CompletableFuture<Void> request = new CompletableFuture<>();
        catchUpRequests.add(request);
        try {
            request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return !failed && !closing;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Stops following, waiting up to 5 s for the thread. What was read stays with the listener. Idempotent. */
    @Override
    public void close() {
        closing = true;
        Thread t;
        synchronized (this) {
            t = follower;
            if (consumer != null && t != null) {
                consumer.wakeup();
            }
        }
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
