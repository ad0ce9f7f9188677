package io.newswatch.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The feed starts from the newest records of each partition, not from the start of a long topic. */
class AlertFeedTest {

    @Test
    void onlyTheNewestShareOfEachPartitionIsRead() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary())) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                TopicAdmin.ensureTopics(admin, List.of(Topics.ALERTS));
            }
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            Map<TopicPartition, String> last = new java.util.HashMap<>();
            List<String> all = new ArrayList<>();
            try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(props,
                    Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
                for (int i = 0; i < 30; i++) {
                    String id = "alert-" + i;
                    Alert a = new Alert(1, id, "rule", "Rule", "1", "info", id, id, "Headline " + i,
                            "https://news.example/" + i, "outlet", Instant.now(), List.of(), List.of("t"),
                            List.of(new Evidence("t", "A sentence.", 0, 11, List.of())), Instant.now(), 0, List.of(),
                            "en");
                    RecordMetadata m = producer.send(new ProducerRecord<>(Topics.ALERTS.name(), id, a))
                            .get(10, TimeUnit.SECONDS);
                    last.put(new TopicPartition(m.topic(), m.partition()), id);
                    all.add(id);
                }
            }
            Properties client = new Properties();
            client.put("bootstrap.servers", kafka.bootstrapServers());
            int partitions = Topics.ALERTS.partitions();
            try (AlertFeed feed = new AlertFeed(client, partitions)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (feed.newest(a -> true, 100).size() < last.size() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(500); // anything older would have arrived by now
                Set<String> kept = new HashSet<>();
                feed.newest(a -> true, 100).forEach(e -> kept.add(e.alert().id()));
                assertThat(kept).containsExactlyInAnyOrderElementsOf(last.values());
                assertThat(kept).hasSizeLessThan(all.size());
            }
        }
    }
}
