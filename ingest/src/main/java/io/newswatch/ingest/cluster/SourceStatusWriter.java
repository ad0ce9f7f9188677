package io.newswatch.ingest.cluster;

import io.newswatch.model.topics.ClientProperties;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each source's status to {@link Topics#SOURCE_STATUS}, keyed by source id, so {@code newswatch sources}
 * (or any Kafka client) sees the health of every source whichever instance polls it. Register it with
 * {@link io.newswatch.ingest.IngestService#onStatus}.
 *
 * <p>Failure behaviour: a status that cannot be written is a WARN; the next poll of the source writes a newer one.
 */
public final class SourceStatusWriter implements Consumer<SourceStatus>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceStatusWriter.class);

    private final KafkaProducer<String, SourceStatus> producer;

    /**
     * @param kafkaProps connection properties; copied
     * @param clientId   client id of the producer
     */
    public SourceStatusWriter(Properties kafkaProps, String clientId) {
        Properties p = ClientProperties.producer(kafkaProps, clientId);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        this.producer = new KafkaProducer<>(p, Topics.SOURCE_STATUS.keySerde().serializer(),
                Topics.SOURCE_STATUS.valueSerde().serializer());
    }

    @Override
    public void accept(SourceStatus status) {
        producer.send(new ProducerRecord<>(Topics.SOURCE_STATUS.name(), status.id(), status), (meta, error) -> {
            if (error != null) {
                LOG.warn("cannot write the status of source {}: {}", status.id(), error.getMessage());
            }
        });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
