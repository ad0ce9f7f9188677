package io.newswatch.alerts.delivery.internal;

import io.newswatch.model.topics.ClientProperties;
import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records the alerts service gave up on to a dead-letter topic ({@link Topics#DLQ} for unreadable records,
 * {@link Topics#ALERTS_DLQ} for alerts a receiver gave up on): the original key and value bytes untouched (a value
 * over {@link DeadLetterHeaders#MAX_LETTER_VALUE_BYTES} is left out, the headers saying where it is),
 * the original headers kept, plus {@link DeadLetterHeaders} (error, source topic, partition and offset, the
 * service's group id as application id) and, for a delivery failure, {@link #RECEIVER_HEADER} naming the receiver.
 *
 * <p>The producer is idempotent with {@code acks=all}, and {@link #write} waits for the broker's acknowledgement:
 * the caller commits the source offset only after this returns, so a dead letter is never lost between the two.
 *
 * <p>Failure behaviour: when the broker does not acknowledge within 30 s (or refuses), {@link #write} throws a
 * {@link KafkaException} saying so; the caller must then not commit the source record. Not thread-safe beyond
 * what {@link KafkaProducer} guarantees; the service calls it from its consumer thread.
 */
public final class DeadLetterWriter implements AutoCloseable {
    /** The header naming the receiver that gave up; absent for records that could not be read at all. */
    public static final String RECEIVER_HEADER = DeadLetterHeaders.RECEIVER;

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String applicationId;
    private final TopicSpec<byte[], byte[]> topic;

    /** Writes to {@link Topics#DLQ}. */
    public DeadLetterWriter(Properties kafkaProps, String clientId, String applicationId) {
        this(kafkaProps, clientId, applicationId, Topics.DLQ);
    }

    /**
     * @param kafkaProps    connection properties (bootstrap servers, security); copied
     * @param clientId      the producer's client id
     * @param applicationId written to {@link DeadLetterHeaders#APPLICATION_ID}
     * @param topic         the dead-letter topic: {@link Topics#DLQ} or {@link Topics#ALERTS_DLQ}
     */
    public DeadLetterWriter(Properties kafkaProps, String clientId, String applicationId,
                            TopicSpec<byte[], byte[]> topic) {
        this.topic = topic;
        Properties p = ClientProperties.producer(kafkaProps, clientId);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(ACK_TIMEOUT.toMillis()));
        this.producer = new KafkaProducer<>(p);
        this.applicationId = applicationId;
    }

    /**
     * Sends {@code original} to the dead-letter topic and waits for the acknowledgement.
     *
     * @param original the record given up on
     * @param error    why; its message (and its causes') goes to {@link DeadLetterHeaders#ERROR_MESSAGE}
     * @param receiver the receiver that gave up, or null when the record itself is bad
     * @return where the dead letter was written
     * @throws KafkaException when the broker did not acknowledge it (or the thread was interrupted, whose flag
     *                        stays set)
     */
    public RecordMetadata write(ConsumerRecord<byte[], byte[]> original, Throwable error, String receiver) {
        RecordHeaders headers = new RecordHeaders(original.headers().toArray());
        DeadLetterHeaders.add(headers, error, original.topic(), original.partition(), original.offset(),
                applicationId);
        if (receiver != null) {
            headers.remove(RECEIVER_HEADER);
            headers.add(RECEIVER_HEADER, receiver.getBytes(StandardCharsets.UTF_8));
        }
        // a value too large to travel with the headers is left out: the letter must not fail on the record's size
        byte[] value = original.value() != null && original.value().length > DeadLetterHeaders.MAX_LETTER_VALUE_BYTES
                ? null : original.value();
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic.name(), null, original.key(), value,
                headers);
        Future<RecordMetadata> ack = producer.send(letter);
        try {
            return ack.get(ACK_TIMEOUT.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing a dead letter for " + where(original), e);
        } catch (ExecutionException e) {
            throw new KafkaException("cannot write a dead letter for " + where(original) + " to "
                    + topic.name() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("no acknowledgement for the dead letter of " + where(original) + " from "
                    + topic.name() + " within " + ACK_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** {@code topic-partition@offset}, the way log lines name a record. */
    public static String where(ConsumerRecord<?, ?> r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }

    /** Flushes and closes the producer, waiting up to 5 s. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
