package io.newswatch.alerts.delivery;

import io.newswatch.model.topics.ClientProperties;
import io.newswatch.model.Delivery;
import io.newswatch.model.topics.CompactedTopicFollower;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Which receiver already got which alert revision, kept in the compacted {@link Topics#DELIVERIES} topic rather
 * than a local file, so that every instance of the alerts service shares it and a restart, a crash or a rebalance
 * never sends a receiver an alert twice.
 *
 * <p>{@link #start()} reads the whole topic before the service reads its first alert, and keeps following it;
 * after a rebalance the service calls {@link #awaitCaughtUp(Duration)}, so the records the previous owner of a
 * partition wrote are known before its alerts are looked at. {@link #record(Delivery)} writes a record and waits
 * for the broker's acknowledgement (idempotent producer, {@code acks=all}) before the alert counts as delivered,
 * so an offset is never committed ahead of its record.
 *
 * <p>The one window left: a receiver that accepted a message just before the process died, before its record was
 * written, gets it again after the restart, under the same {@code Idempotency-Key}.
 *
 * <p>Failure behaviour: {@link #record} throws {@link KafkaException} when the broker does not acknowledge within
 * 30 s; the caller keeps the alert unfinished (it is delivered again after a restart) and tries again.
 */
public final class DeliveryLedger implements AutoCloseable {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final CompactedTopicFollower<String, Delivery> follower;
    private final KafkaProducer<String, Delivery> producer;

    /**
     * @param kafkaProps connection properties; copied
     * @param clientId   client id prefix of its consumer and producer
     */
    public DeliveryLedger(Properties kafkaProps, String clientId) {
        this.follower = new CompactedTopicFollower<>(kafkaProps, clientId + "-deliveries", Topics.DELIVERIES,
                (key, value) -> {
                    if (value == null) {
                        delivered.remove(key);
                    } else {
                        delivered.add(key);
                    }
                });
        Properties p = ClientProperties.producer(kafkaProps, clientId + "-deliveries-writer");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(ACK_TIMEOUT.toMillis()));
        this.producer = new KafkaProducer<>(p, Topics.DELIVERIES.keySerde().serializer(),
                Topics.DELIVERIES.valueSerde().serializer());
    }

    /**
     * Reads every delivery record, then follows the topic.
     *
     * @throws IllegalStateException when the topic cannot be read
     */
    public void start() {
        follower.start();
    }

    /** Waits until every record written before this call is known here; false on timeout or a stopped follower. */
    public boolean awaitCaughtUp(Duration timeout) {
        return follower.awaitCaughtUp(timeout);
    }

    /** Whether the receiver got the alert revision ({@link io.newswatch.model.Alert#deliveryKey()}). */
    public boolean isDelivered(String receiver, String deliveryKey) {
        return delivered.contains(Delivery.key(receiver, deliveryKey));
    }

    /** Delivery records known (for logs). */
    public int size() {
        return delivered.size();
    }

    /**
     * Writes the record and waits for its acknowledgement; from then on {@link #isDelivered} says so here.
     *
     * @throws KafkaException when it was not acknowledged (the thread's interrupt flag stays set if that was why)
     */
    public void record(Delivery delivery) {
        try {
            producer.send(new ProducerRecord<>(Topics.DELIVERIES.name(), delivery.key(), delivery))
                    .get(ACK_TIMEOUT.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while recording the delivery " + delivery.key(), e);
        } catch (ExecutionException e) {
            throw new KafkaException("cannot record the delivery " + delivery.key() + ": " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("no acknowledgement for the delivery record " + delivery.key(), e);
        }
        delivered.add(delivery.key());
    }

    /**
     * Sends the record without waiting: the future completes when the broker acknowledged it (and from then on
     * {@link #isDelivered} says so here), or exceptionally with a {@link KafkaException}. Lets a receiver's lane
     * settle a run of fast deliveries with one wait instead of one round trip each.
     */
    public CompletableFuture<Void> recordAsync(Delivery delivery) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.DELIVERIES.name(), delivery.key(), delivery), (md, e) -> {
                if (e != null) {
                    acked.completeExceptionally(new KafkaException("cannot record the delivery " + delivery.key()
                            + ": " + e, e));
                } else {
                    delivered.add(delivery.key());
                    acked.complete(null);
                }
            });
        } catch (KafkaException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** Stops following and closes the producer. */
    @Override
    public void close() {
        follower.close();
        producer.close(Duration.ofSeconds(5));
    }
}
