package io.newswatch.alerts.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Dead letters on a real broker: an alert record as large as Kafka allows still gets its letter. */
class DeadLetterWriterTest {

    @Test
    @Timeout(90)
    void aValueTooLargeToTravelWithTheHeadersIsLeftOutAndTheLetterIsWritten() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary())) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                TopicAdmin.ensureTopics(admin, List.of(Topics.ALERTS_DLQ));
            }
            byte[] small = "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8);
            byte[] huge = new byte[1024 * 1024 - 200]; // fits a record alone, not with the letter's headers
            List<RecordMetadata> written = new ArrayList<>();
            try (DeadLetterWriter writer = new DeadLetterWriter(props, "dlq-writer-test", "alerts-test",
                    Topics.ALERTS_DLQ)) {
                for (byte[] value : List.of(huge, small)) {
                    written.add(writer.write(new ConsumerRecord<>(Topics.ALERTS.name(), 0, 7, "k".getBytes(
                            StandardCharsets.UTF_8), value), new IllegalStateException("receiver gave up"), "hook"));
                }
            }

            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                TopicPartition tp = new TopicPartition(Topics.ALERTS_DLQ.name(), written.get(0).partition());
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (letters.size() < 2 && System.nanoTime() < until) {
                    consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                }
                assertThat(letters).hasSize(2);
                assertThat(letters.get(0).value()).isNull();
                assertThat(DeadLetterHeaders.get(letters.get(0).headers(), DeadLetterHeaders.SOURCE_OFFSET))
                        .isEqualTo("7");
                assertThat(DeadLetterHeaders.get(letters.get(0).headers(), DeadLetterHeaders.ERROR_MESSAGE))
                        .isEqualTo("receiver gave up");
                assertThat(letters.get(1).value()).isEqualTo(small);
            }
        }
    }
}
