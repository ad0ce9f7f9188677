package io.newswatch.model.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Makes a compacted catalogue topic of text values hold exactly a given table: new and changed keys are written,
 * keys no longer in the table get a tombstone, equal values are left alone (so syncing the same table twice writes
 * nothing). Every write is acknowledged by all in-sync replicas before {@link #sync} returns.
 */
public final class CompactedTopicWriter {
    private CompactedTopicWriter() {
    }

    /** What a sync changed, by key. */
    public record SyncResult(List<String> added, List<String> changed, List<String> removed, int unchanged) {
        public boolean changedAnything() {
            return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
        }

        @Override
        public String toString() {
            return added.size() + " added " + added + ", " + changed.size() + " changed " + changed + ", "
                    + removed.size() + " removed " + removed + ", " + unchanged + " unchanged";
        }
    }

    /**
     * Creates the topic when missing, then syncs it to {@code target}.
     *
     * @param clientId prefix of the client ids used
     * @throws IllegalStateException when the topic cannot be read, or a write is not acknowledged within 30 s
     */
    public static SyncResult sync(Properties kafkaProps, String clientId, TopicSpec<String, String> topic,
                                  Map<String, String> target) {
        Properties adminProps = (Properties) kafkaProps.clone();
        adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
        try (Admin admin = Admin.create(adminProps)) {
            TopicAdmin.ensureTopics(admin, List.of(topic));
        }
        Map<String, String> current = CompactedTopicReader.read(kafkaProps, clientId + "-read", topic);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int unchanged = 0;
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (var producer = new KafkaProducer<>(producerProperties(kafkaProps, clientId + "-write"),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (var e : target.entrySet()) {
                String before = current.get(e.getKey());
                if (e.getValue().equals(before)) {
                    unchanged++;
                    continue;
                }
                (before == null ? added : changed).add(e.getKey());
                sends.add(producer.send(new ProducerRecord<>(topic.name(), e.getKey(), e.getValue())));
            }
            for (String key : current.keySet()) {
                if (!target.containsKey(key)) {
                    removed.add(key);
                    sends.add(producer.send(new ProducerRecord<>(topic.name(), key, null)));
                }
            }
            producer.flush();
            for (Future<RecordMetadata> f : sends) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + topic.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write " + topic.name() + ": " + e.getMessage(), e);
        }
        return new SyncResult(added, changed, removed, unchanged);
    }

    private static Properties producerProperties(Properties kafkaProps, String clientId) {
        Properties p = ClientProperties.producer(kafkaProps, clientId);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(29).toMillis());
        return p;
    }
}
