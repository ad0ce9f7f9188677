package io.newswatch.alerts.delivery;

import io.newswatch.alerts.DeliveryPlan;
import io.newswatch.alerts.delivery.internal.DeadLetterWriter;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.routing.Route;
import io.newswatch.model.Alert;
import io.newswatch.model.serde.JsonSerde;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each record of {@code news.alerts} from the consumer thread to the lanes of the receivers it goes to.
 *
 * <p>For each record, on the consumer thread: a record that is not a readable alert goes to {@code news.dlq} at
 * once (original bytes, error headers) and is finished; an alert an active silence covers is finished with an INFO
 * line; otherwise the routing tree names its receivers, those that already got this revision (the
 * {@link DeliveryLedger}) are skipped with a DEBUG line, and the alert is queued on the lane of each of the others,
 * with the route that sends it (its grouping). The {@link OffsetTracker} counts the receivers still to finish.
 *
 * <p>Listeners and {@link #deliveredCount()} count alerts every receiver took; an alert some receiver dead-lettered
 * counts in {@link #deadLetteredCount()} (once per receiver that gave up) instead. An alert the plan sends to no
 * receiver at all (a plan without receivers) goes to {@code news.alerts.dlq} with an ERROR line naming it, and
 * counts in {@link #unroutedCount()} and {@link #deadLetteredCount()}.
 */
public final class DeliveryEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEngine.class);
    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);

    private final DeliveryPlan plan;
    private final DeliveryLedger ledger;
    private final DeadLetterWriter unreadable;
    private final DeadLetterWriter undeliverable;
    private final OffsetTracker tracker;
    private final Map<String, ReceiverLane> lanes = new LinkedHashMap<>();
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong silenced = new AtomicLong();
    private final AtomicLong alreadyDelivered = new AtomicLong();
    private final AtomicLong unrouted = new AtomicLong();
    private volatile Function<Alert, Optional<String>> silencer = alert -> Optional.empty();

    /**
     * @param plan         receivers and routing tree
     * @param settings     retries and limits
     * @param ledger       delivery records (started by the caller)
     * @param unreadable   where records that are not alerts go ({@code news.dlq})
     * @param undeliverable where alerts a receiver gave up on go ({@code news.alerts.dlq})
     * @param tracker      the offsets in flight
     * @param clock        drives grouping and the age limit
     */
    public DeliveryEngine(DeliveryPlan plan, DeliverySettings settings, DeliveryLedger ledger,
                          DeadLetterWriter unreadable, DeadLetterWriter undeliverable, OffsetTracker tracker,
                          Clock clock) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.unreadable = Objects.requireNonNull(unreadable, "unreadable");
        this.undeliverable = Objects.requireNonNull(undeliverable, "undeliverable");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        for (AlertReceiver r : plan.receivers()) {
            lanes.put(r.name(), new ReceiverLane(r, settings, ledger, undeliverable, this::isCurrent,
                    this::finished, clock));
        }
    }

    /** Starts every lane. */
    public void start() {
        lanes.values().forEach(ReceiverLane::start);
    }

    /** Registers a callback run (on a lane's thread) when every receiver of an alert took it. */
    public void onDelivered(Consumer<Alert> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Consulted for each readable alert: a reason (the silence covering it) means deliver it nowhere. */
    public void silenceWith(Function<Alert, Optional<String>> silencer) {
        this.silencer = Objects.requireNonNull(silencer, "silencer");
    }

    /**
     * Takes one record on: dead-letters it, drops it as silenced, or queues it on its receivers' lanes.
     *
     * @throws KafkaException when the dead letter of an unreadable or unroutable record could not be written; the
     *                        record is not finished and must be read again
     */
    public void dispatch(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        Optional<Long> epoch = tracker.epoch(tp);
        if (epoch.isEmpty()) {
            return; // revoked between poll and dispatch: the new owner reads it
        }
        Alert alert;
        try {
            alert = read(record);
        } catch (SerializationException e) {
            unreadable.write(record, e, null);
            deadLettered.incrementAndGet();
            LOG.warn("record {} is not a readable alert, sent to the dead-letter topic: {}",
                    DeadLetterWriter.where(record), e.getMessage());
            return;
        }
        Optional<String> silence = silencer.apply(alert);
        if (silence.isPresent()) {
            silenced.incrementAndGet();
            LOG.info("alert {} ({} on {}) not delivered: {}", alert.id(), alert.ruleId(), alert.storyId(),
                    silence.get());
            return;
        }
        Map<String, Route> routed = plan.targets(alert);
        if (routed.isEmpty()) {
            // a loaded routing tree gives every alert a receiver; this guards plans built otherwise
            unroutable(record, alert);
            return;
        }
        Map<String, Route> targets = new LinkedHashMap<>(routed);
        targets.keySet().removeIf(receiver -> {
            boolean done = ledger.isDelivered(receiver, alert.deliveryKey());
            if (done) {
                alreadyDelivered.incrementAndGet();
                LOG.debug("alert {} already delivered to {}, not sent again", alert.deliveryKey(), receiver);
            }
            return done;
        });
        if (targets.isEmpty()) {
            return;
        }
        tracker.register(tp, record.offset(), alert, targets.size());
        Incoming in = new Incoming(alert, record, epoch.get());
        targets.forEach((receiver, route) -> lanes.get(receiver).enqueue(route, in));
    }

    /** An alert the plan sends to no receiver: counted, logged and dead-lettered, never dropped. */
    private void unroutable(ConsumerRecord<byte[], byte[]> record, Alert alert) {
        String why = "no receiver: the delivery plan sends alert " + alert.id() + " (" + alert.ruleId() + " on "
                + alert.storyId() + ") nowhere";
        undeliverable.write(record, new IllegalStateException(why), null);
        unrouted.incrementAndGet();
        deadLettered.incrementAndGet();
        LOG.error("{}; sent to the alerts dead-letter topic from {}", why, DeadLetterWriter.where(record));
    }

    private boolean isCurrent(Incoming in) {
        return tracker.epoch(in.partition()).map(e -> e == in.epoch()).orElse(false);
    }

    private void finished(Incoming in, boolean wasDelivered) {
        if (!wasDelivered) {
            deadLettered.incrementAndGet();
        }
        OffsetTracker.Completion c = tracker.complete(in.partition(), in.record().offset(), in.epoch(), wasDelivered);
        if (!c.finished()) {
            return;
        }
        // the listeners run before the offset may be committed: a committed offset means they have seen the alert
        try {
            if (c.deliveredEverywhere()) {
                delivered.incrementAndGet();
                for (Consumer<Alert> listener : listeners) {
                    try {
                        listener.accept(c.alert());
                    } catch (RuntimeException e) {
                        LOG.warn("an onDelivered listener failed on alert {}: {}", c.alert().id(), e.toString(), e);
                    }
                }
            }
        } finally {
            tracker.release(in.partition(), in.record().offset(), in.epoch());
        }
    }

    /** Whether some lane is sending a message that settles an alert of these partitions. */
    public boolean busyWith(Set<TopicPartition> partitions) {
        return lanes.values().stream().anyMatch(l -> l.busyWith(partitions));
    }

    /** Stops every lane, giving the message each has in hand {@code grace} to finish. */
    public void stop(Duration grace) {
        // one deadline for all: a receiver that hangs must not make the others wait in turn
        lanes.values().forEach(ReceiverLane::requestStop);
        long deadline = System.nanoTime() + grace.toNanos();
        lanes.values().forEach(l -> l.awaitStop(deadline));
    }

    public long deliveredCount() {
        return delivered.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    public long silencedCount() {
        return silenced.get();
    }

    /** Alerts the plan sent to no receiver (dead-lettered; also in {@link #deadLetteredCount()}). */
    public long unroutedCount() {
        return unrouted.get();
    }

    /** Receiver deliveries skipped because the ledger said they were done (after a restart or rebalance). */
    public long alreadyDeliveredCount() {
        return alreadyDelivered.get();
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
