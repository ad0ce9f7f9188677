package io.newswatch.alerts.internal;

import io.newswatch.model.Alert;
import io.newswatch.model.serde.JsonSerde;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one raw record of the alerts topic through to its end: reads it, delivers it to every receiver (each
 * with its own retries), and dead-letters what cannot be read or delivered.
 *
 * <p>With a router, an alert goes only to the receivers it names (the subscriptions' routing tree); without one, to
 * every receiver.
 *
 * <p>Outcomes: a record that is not a readable alert (bad JSON, a tombstone, no id) goes to the dead-letter topic
 * once, without receiver. A readable alert goes to every receiver in turn; a receiver that still fails after its
 * attempts gets a dead letter of its own (naming it) and a WARN line, and the others are served regardless.
 * {@link #dispatch} returns {@link Result#HANDLED} when every receiver either took the alert or has its dead
 * letter: only then may the offset be committed. It returns {@link Result#ABANDONED} when shutdown cut a delivery
 * short; the record must then be read again later. Listeners run only for alerts every receiver took.
 */
public final class AlertDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);

    /** Whether a record is finished with. */
    public enum Result { HANDLED, ABANDONED }

    private final List<RetryingDelivery> deliveries;
    private final Function<Alert, Collection<String>> router;
    private final DeadLetterWriter deadLetters;
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong silenced = new AtomicLong();
    private volatile Function<Alert, Optional<String>> silencer = alert -> Optional.empty();

    /**
     * @param deliveries  one per receiver, in delivery order
     * @param deadLetters where records given up on go
     */
    public AlertDispatcher(List<RetryingDelivery> deliveries, DeadLetterWriter deadLetters) {
        this(deliveries, null, deadLetters);
    }

    /**
     * @param router for an alert, the names of the receivers that get it (the others are skipped); null: all
     */
    public AlertDispatcher(List<RetryingDelivery> deliveries, Function<Alert, Collection<String>> router,
                           DeadLetterWriter deadLetters) {
        this.deliveries = List.copyOf(deliveries);
        this.router = router;
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /** Registers a callback run, on the consumer thread, after an alert was delivered to every receiver. */
    public void onDelivered(Consumer<Alert> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Checks each readable alert first: when this returns a reason (the silence that covers it), the alert is
     * finished with, delivered to no receiver, and one INFO line names it and the reason.
     */
    public void silenceWith(Function<Alert, Optional<String>> silencer) {
        this.silencer = Objects.requireNonNull(silencer, "silencer");
    }

    /** Alerts a silence kept from every receiver. */
    public long silencedCount() {
        return silenced.get();
    }

    /** Alerts every receiver took. */
    public long deliveredCount() {
        return delivered.get();
    }

    /** Dead letters written: one per unreadable record, one per receiver that gave up on an alert. */
    public long deadLetteredCount() {
        return deadLettered.get();
    }

    /**
     * Handles one record.
     *
     * @throws KafkaException when a dead letter could not be written; the record is then not finished with
     */
    public Result dispatch(ConsumerRecord<byte[], byte[]> record) {
        Alert alert;
        try {
            alert = read(record);
        } catch (SerializationException e) {
            deadLetters.write(record, e, null);
            deadLettered.incrementAndGet();
            LOG.warn("record {} is not a readable alert, sent to the dead-letter topic: {}",
                    DeadLetterWriter.where(record), e.getMessage());
            return Result.HANDLED;
        }
        Optional<String> silence = silencer.apply(alert);
        if (silence.isPresent()) {
            silenced.incrementAndGet();
            LOG.info("alert {} ({} on {}) not delivered: {}", alert.id(), alert.ruleId(), alert.storyId(),
                    silence.get());
            return Result.HANDLED;
        }
        boolean everywhere = true;
        Set<String> routed = router == null ? null : Set.copyOf(router.apply(alert));
        for (RetryingDelivery delivery : deliveries) {
            if (routed != null && !routed.contains(delivery.receiver().name())) {
                continue;
            }
            RetryingDelivery.Outcome outcome = delivery.deliver(alert);
            switch (outcome.status()) {
                case DELIVERED -> LOG.debug("alert {} delivered to {}", alert.id(), delivery.receiver().name());
                case ABANDONED -> {
                    LOG.info("delivery of alert {} to {} cut short by shutdown; it will be delivered again",
                            alert.id(), delivery.receiver().name());
                    return Result.ABANDONED;
                }
                case FAILED -> {
                    everywhere = false;
                    deadLetters.write(record, outcome.lastFailure(), delivery.receiver().name());
                    deadLettered.incrementAndGet();
                    LOG.warn("receiver {} gave up on alert {} ({}) after {} attempt(s), sent to the dead-letter "
                                    + "topic: {}", delivery.receiver().name(), alert.id(),
                            DeadLetterWriter.where(record), outcome.attempts(),
                            outcome.lastFailure().getMessage());
                }
            }
        }
        if (everywhere) {
            delivered.incrementAndGet();
            for (Consumer<Alert> listener : listeners) {
                try {
                    listener.accept(alert);
                } catch (RuntimeException e) {
                    LOG.warn("an onDelivered listener failed on alert {}: {}", alert.id(), e.toString(), e);
                }
            }
        }
        return Result.HANDLED;
    }

    private static Alert read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new SerializationException("record " + DeadLetterWriter.where(record)
                    + " has no value (a tombstone); an alert was expected");
        }
        Alert alert = SERDE.deserialize(record.topic(), record.value());
        if (alert.id() == null || alert.id().isBlank()) {
            throw new SerializationException("alert at " + DeadLetterWriter.where(record)
                    + " has no id, so receivers could not deduplicate it");
        }
        return alert;
    }
}
