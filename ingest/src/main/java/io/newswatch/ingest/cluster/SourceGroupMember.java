package io.newswatch.ingest.cluster;

import io.newswatch.ingest.IngestService;
import io.newswatch.ingest.source.Source;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an {@link IngestService} poll this instance's share of the sources on {@link Topics#SOURCES}.
 *
 * <p>Every ingest instance joins one consumer group ({@code ingest.group.id}) on the sources topic. Kafka splits the
 * topic's partitions between the members, and each member polls the sources whose records sit in its partitions.
 * Adding an instance moves some partitions to it; stopping one (or its failing to heartbeat within the session
 * timeout) moves its partitions to the others. The cooperative sticky assignor moves only the partitions that must
 * move, so the other sources keep their schedules.
 *
 * <p>Hand-over without duplicates: a member losing a partition retires its sources before the rebalance completes
 * ({@link IngestService#updateSources} interrupts their polls and flushes what they sent); the member gaining it
 * reads the partition from the beginning (the topic is compacted: that is the current list) and, before polling the
 * sources, reads {@link Topics#ARTICLES} to its end, so it knows everything the previous owner published. No offsets
 * are committed: a member always reads its partitions in full.
 *
 * <p>Changes to the topic (a source added, changed, or removed by a tombstone) reach the owning member within one
 * poll of its consumer, without restarts. A value that is not a valid source is skipped with a WARN naming it (a
 * source keeps its last valid definition).
 *
 * <p>Failure behaviour: if the ingest service cannot take the new set (Kafka unreachable while catching up) the
 * member logs a WARN and tries again after its next poll. {@link #close()} retires every source of this instance,
 * then leaves the group, so the others take over at once rather than after a session timeout.
 */
public final class SourceGroupMember implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceGroupMember.class);

    private final Properties consumerProps;
    private final IngestService ingest;
    private final Map<TopicPartition, Map<String, Source>> owned = new HashMap<>();
    private final Map<TopicPartition, Long> loading = new HashMap<>();
    private final CountDownLatch firstAssignment = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;
    private boolean dirty;

    /**
     * @param kafkaProps connection properties; copied
     * @param groupId    the consumer group all instances share
     * @param clientId   client id of the consumer
     * @param ingest     the service to hand this instance's sources to; started
     */
    public SourceGroupMember(Properties kafkaProps, String groupId, String clientId, IngestService ingest) {
        Properties p = (Properties) kafkaProps.clone();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        this.consumerProps = p;
        this.ingest = ingest;
    }

    /** Joins the group on a thread of its own. */
    public void start() {
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
        thread = new Thread(this::run, "newswatch-ingest-sources");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until this member has been given its first share (possibly empty); false on timeout. */
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return firstAssignment.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The source ids this member holds now (polled, or about to be). */
    public synchronized List<String> sourceIds() {
        List<String> ids = new ArrayList<>();
        owned.values().forEach(m -> ids.addAll(m.keySet()));
        return ids;
    }

    private void run() {
        KafkaConsumer<String, String> c = consumer;
        try {
            c.subscribe(List.of(Topics.SOURCES.name()), new Listener(c));
            while (!closing) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    apply(r);
                }
                if (loaded(c)) {
                    handOver();
                }
            }
        } catch (WakeupException e) {
            // close() ends the loop
        } catch (RuntimeException e) {
            LOG.error("source group member stopped: {}; this instance polls no new sources", e.toString(), e);
        } finally {
            retireAll();
            c.close(Duration.ofSeconds(10));
        }
    }

    private synchronized void apply(ConsumerRecord<String, String> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        Map<String, Source> sources = owned.get(tp);
        if (sources == null || r.key() == null) {
            return;
        }
        if (r.value() == null) {
            dirty |= sources.remove(r.key()) != null;
            return;
        }
        Source s = SourcesTopic.parse(r.key(), r.value());
        if (s != null && !s.equals(sources.get(s.id()))) {
            sources.put(s.id(), s);
            dirty = true;
        }
    }

    /** True once every newly assigned partition has been read to the end it had when it was assigned. */
    private boolean loaded(KafkaConsumer<String, String> c) {
        loading.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
        return loading.isEmpty();
    }

    private void handOver() {
        List<Source> mine;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            mine = current();
            dirty = false;
        }
        try {
            ingest.updateSources(mine);
        } catch (IllegalStateException e) {
            LOG.warn("cannot take over sources yet, retrying: {}", e.getMessage());
            synchronized (this) {
                dirty = true;
            }
        }
    }

    private synchronized List<Source> current() {
        Map<String, Source> all = new LinkedHashMap<>();
        owned.values().forEach(all::putAll);
        return List.copyOf(all.values());
    }

    private void retireAll() {
        synchronized (this) {
            owned.clear();
        }
        try {
            ingest.updateSources(List.of());
        } catch (RuntimeException e) {
            LOG.warn("cannot retire this instance's sources cleanly: {}", e.toString());
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, String> c;

        Listener(KafkaConsumer<String, String> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            List<Source> keep;
            synchronized (SourceGroupMember.this) {
                partitions.forEach(tp -> {
                    owned.remove(tp);
                    loading.remove(tp);
                });
                keep = current();
            }
            // before returning: the new owner must not start until these sources stopped and were flushed
            // (updateSources retires before it adds, so a failure to add still leaves the retired ones stopped)
            try {
                ingest.updateSources(keep);
            } catch (IllegalStateException e) {
                LOG.warn("cannot take over sources yet, retrying: {}", e.getMessage());
                synchronized (SourceGroupMember.this) {
                    dirty = true;
                }
            }
            LOG.info("gave up {} source partitions", partitions.size());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                Map<TopicPartition, Long> ends = c.endOffsets(partitions, Duration.ofSeconds(30));
                synchronized (SourceGroupMember.this) {
                    partitions.forEach(tp -> owned.put(tp, new LinkedHashMap<>()));
                    loading.putAll(ends);
                    dirty = true;
                }
                c.seekToBeginning(partitions);
                LOG.info("took {} source partitions", partitions.size());
            }
            firstAssignment.countDown();
        }
    }

    /** Retires this instance's sources, then leaves the group so the other instances take them over. */
    @Override
    public void close() {
        closing = true;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
