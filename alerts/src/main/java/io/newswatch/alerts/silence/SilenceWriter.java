package io.newswatch.alerts.silence;

import io.newswatch.model.topics.ClientProperties;
import io.newswatch.model.Silence;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Adds and expires silences on {@link Topics#SILENCES}. Every write goes through an idempotent {@code acks=all}
 * producer and is acknowledged before the method returns, so a silence that was reported set is durable and every
 * {@link Silences} follower sees it. Nothing is ever deleted: expiring writes the silence again with its end moved
 * to now, so ended silences stay listed.
 */
public final class SilenceWriter {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private SilenceWriter() {
    }

    /**
     * Checks and writes a new silence (or a new version of one).
     *
     * @param clientId prefix of the client ids used
     * @throws IllegalArgumentException when its conditions are invalid ({@link Silences#matcher}), it ends before it
     *                                  starts, or it has no comment; nothing is written then
     * @throws IllegalStateException    when Kafka does not acknowledge the write within 30 s
     */
    public static Silence add(Properties kafkaProps, String clientId, Silence silence) {
        Silences.matcher(silence.conditions());
        if (!silence.endsAt().isAfter(silence.startsAt())) {
            throw new IllegalArgumentException("silence " + silence.id() + " ends (" + silence.endsAt()
                    + ") before it starts (" + silence.startsAt() + ")");
        }
        if (silence.comment() == null || silence.comment().isBlank()) {
            throw new IllegalArgumentException("a silence needs a comment saying why it is set");
        }
        Silences.ensureTopic(kafkaProps, clientId);
        write(kafkaProps, clientId, silence);
        return silence;
    }

    /**
     * Ends a silence at {@code now}. A silence that has already ended is returned as it is, and nothing is written.
     *
     * @return the silence as it now stands, or empty when no silence has this id
     * @throws IllegalStateException when the topic cannot be read, or Kafka does not acknowledge the write
     */
    public static Optional<Silence> expire(Properties kafkaProps, String clientId, String id, Instant now) {
        Silence existing = Silences.read(kafkaProps, clientId).get(id);
        if (existing == null) {
            return Optional.empty();
        }
        if (existing.endedBy(now)) {
            return Optional.of(existing);
        }
        Silence expired = existing.expiredAt(now);
        write(kafkaProps, clientId, expired);
        return Optional.of(expired);
    }

    private static void write(Properties kafkaProps, String clientId, Silence silence) {
        Properties p = ClientProperties.producer(kafkaProps, clientId + "-silences-write");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) ACK_TIMEOUT.toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.minusSeconds(1).toMillis());
        try (var producer = new KafkaProducer<>(p, Topics.SILENCES.keySerde().serializer(),
                Topics.SILENCES.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.SILENCES.name(), silence.id(), silence))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing silence " + silence.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot write silence " + silence.id() + " to "
                    + Topics.SILENCES.name() + ": " + cause.getMessage(), cause);
        }
    }
}
