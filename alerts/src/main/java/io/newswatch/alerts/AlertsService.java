package io.newswatch.alerts;

import io.newswatch.alerts.delivery.DeliveryEngine;
import io.newswatch.alerts.delivery.DeliveryLedger;
import io.newswatch.alerts.delivery.DeliverySettings;
import io.newswatch.alerts.delivery.OffsetTracker;
import io.newswatch.alerts.delivery.ReceiverLane;
import io.newswatch.alerts.delivery.internal.DeadLetterWriter;
import io.newswatch.alerts.delivery.internal.StopSignal;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.silence.Silences;
import io.newswatch.model.Alert;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.GroupInstanceId;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: consumes {@link Topics#ALERTS} and delivers every alert to the receivers its route names.
 *
 * <p>Guarantees ("Delivery guarantees" in docs/guide.md):
 * <ul>
 *   <li>The consumer reads with {@code read_committed}, so alerts of an aborted Streams transaction never go out.</li>
 *   <li>Each receiver has its own lane ({@link ReceiverLane}): a slow, failing or throttling receiver delays no
 *       other. Each message is retried with backoff and Retry-After until {@code alerts.delivery.max.age}; a receiver
 *       that fails {@code alerts.delivery.circuit.failures} attempts in a row is down: its circuit opens and its
 *       alerts wait without spending attempts, one probe every {@code alerts.delivery.circuit.probe.delay}. A
 *       message refused for good, or older than the maximum age, goes to {@link Topics#ALERTS_DLQ} with the reason
 *       and the receiver's name, and {@code newswatch dlq --topic news.alerts.dlq --redrive} puts it back.</li>
 *   <li>An offset is committed only when every alert up to it was delivered to each of its receivers or
 *       dead-lettered ({@link OffsetTracker}); grouped alerts count as finished when their group's message is.</li>
 *   <li>Each delivery is recorded in {@link Topics#DELIVERIES} ({@link DeliveryLedger}) before it counts, and the
 *       records are read before any alert is looked at (and again after each rebalance), so a restart never sends
 *       a receiver an alert it already got. The remaining window is one message per receiver: accepted by the
 *       receiver, then the process died before its record was written; it is sent again under the same
 *       {@code Idempotency-Key}.</li>
 *   <li>A record that is not a readable alert goes to {@link Topics#DLQ} and is skipped. When a dead-letter topic
 *       cannot be written the alert stays unfinished and the write is retried: nothing is lost.</li>
 * </ul>
 *
 * <p>The consumer is a static group member ({@link GroupInstanceId}, {@code kafka.instance.id}): an instance that
 * died without leaving (kill -9) and is started again under the same id takes its partitions back at once instead
 * of after the session timeout. {@link #close()} leaves the group, so a planned stop hands the partitions to the
 * other instances at once too. A second live instance under the same id fences the first, which stops with an
 * error naming the key.
 *
 * <p>At most {@code alerts.delivery.max.in.flight} alerts are read ahead of the slowest receiver; then the
 * consumer pauses its partitions (still polling, so it stays in the group) until the lanes catch up.
 *
 * <p>Threading: {@link #start()} runs the consumer on its own daemon thread and one thread per receiver;
 * {@link #close()} may be called from any thread and returns within about ten seconds even when a receiver hangs,
 * committing what was finished.
 */
public final class AlertsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);

    /** The dead-letter header naming the receiver that gave up on an alert. */
    public static final String RECEIVER_HEADER = DeadLetterWriter.RECEIVER_HEADER;

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final Duration REVOKE_GRACE = Duration.ofSeconds(5);
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(30);
    private static final Duration DEAD_LETTER_RETRY_PAUSE = Duration.ofSeconds(2);

    private final NewswatchConfig config;
    private final Properties kafkaProps;
    private final DeliveryPlan plan;
    private final DeliverySettings settings;
    private final Clock clock;
    private final String groupId;
    private final String instanceId;
    private final String clientIdPrefix;
    private final StopSignal stop = new StopSignal();
    private final List<Consumer<Alert>> pendingListeners = new ArrayList<>();
    private final OffsetTracker tracker = new OffsetTracker();
    /** The offset this member last committed per partition, so only changes are committed. */
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    private Silences silences;
    private DeliveryLedger ledger;
    private DeliveryEngine engine;
    private KafkaConsumer<byte[], byte[]> consumer;
    private DeadLetterWriter unreadable;
    private DeadLetterWriter undeliverable;
    private Thread thread;
    private boolean paused;
    private boolean closed;

    /**
     * @param config     group id ({@code alerts.group.id}), instance id ({@code kafka.instance.id}), delivery
     *                   settings ({@code alerts.delivery.*}), client id prefix
     * @param kafkaProps Kafka connection properties (at least {@code bootstrap.servers}); copied
     * @param receivers  where alerts go, every alert to each at once; the service owns them and closes them in
     *                   {@link #close()}
     */
    public AlertsService(NewswatchConfig config, Properties kafkaProps, List<AlertReceiver> receivers) {
        this(config, kafkaProps, DeliveryPlan.everyReceiver(receivers));
    }

    /**
     * @param plan the receivers (owned and closed by the service) and the routing tree
     */
    public AlertsService(NewswatchConfig config, Properties kafkaProps, DeliveryPlan plan) {
        this(config, kafkaProps, plan, Clock.systemUTC());
    }

    /**
     * @param clock drives grouping (waits, intervals, reminders) and the delivery age limit
     */
    public AlertsService(NewswatchConfig config, Properties kafkaProps, DeliveryPlan plan, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.plan = Objects.requireNonNull(plan, "plan");
        this.settings = DeliverySettings.from(config);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.groupId = config.get(ConfigKeys.ALERTS_GROUP_ID);
        this.instanceId = GroupInstanceId.of(config, null);
        this.clientIdPrefix = config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-alerts";
    }

    /**
     * Registers a callback run after an alert was delivered to every receiver it goes to (an alert some receiver gave
     * up on is dead-lettered instead and does not reach listeners). It runs on the thread of the receiver that
     * finished last, so it must be thread-safe; a listener that throws is logged and does not affect delivery. The
     * alert's offset is committed only once the listeners have returned, so whoever waits for the committed offset
     * (the demo's summary) also sees what they counted.
     */
    public synchronized void onDelivered(Consumer<Alert> listener) {
        Objects.requireNonNull(listener, "listener");
        if (engine != null) {
            engine.onDelivered(listener);
        } else {
            pendingListeners.add(listener);
        }
    }

    /**
     * Whether the consumer thread is running: true from {@link #start()} until {@link #close()}, false earlier,
     * later, or after an unexpected error stopped it (logged at ERROR).
     */
    public synchronized boolean isRunning() {
        return thread != null && thread.isAlive() && !closed;
    }

    /** Alerts delivered to every receiver they go to since {@link #start()}. */
    public synchronized long deliveredCount() {
        return engine == null ? 0 : engine.deliveredCount();
    }

    /** Dead letters written since {@link #start()}: unreadable records plus one per receiver that gave up. */
    public synchronized long deadLetteredCount() {
        return engine == null ? 0 : engine.deadLetteredCount();
    }

    /** Alerts an active silence on {@code news.silences} kept from every receiver since {@link #start()}. */
    public synchronized long silencedCount() {
        return engine == null ? 0 : engine.silencedCount();
    }

    /** Receiver deliveries skipped since {@link #start()} because {@code news.deliveries} said they were done. */
    public synchronized long alreadyDeliveredCount() {
        return engine == null ? 0 : engine.alreadyDeliveredCount();
    }

    /**
     * Creates the catalogue topics when missing, reads the silences and delivery records, subscribes to
     * {@link Topics#ALERTS} and starts the consumer and the receivers' lanes.
     *
     * @throws IllegalStateException when Kafka cannot be reached, or the service was already started or closed
     */
    public synchronized void start() {
        if (closed || thread != null) {
            throw new IllegalStateException(closed ? "the alerts service is closed" : "already started");
        }
        Properties adminProps = (Properties) kafkaProps.clone();
        adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-admin");
        try (Admin admin = Admin.create(adminProps)) {
            TopicAdmin.ensureTopics(admin, Topics.ALL);
        }
        // every silence and every delivery record is known before the first alert is looked at
        silences = new Silences(kafkaProps, clientIdPrefix + "-silences");
        silences.start();
        ledger = new DeliveryLedger(kafkaProps, clientIdPrefix);
        ledger.start();
        try {
            unreadable = new DeadLetterWriter(kafkaProps, clientIdPrefix + "-dlq", groupId, Topics.DLQ);
            undeliverable = new DeadLetterWriter(kafkaProps, clientIdPrefix + "-alerts-dlq", groupId,
                    Topics.ALERTS_DLQ);
            consumer = new KafkaConsumer<>(consumerProperties());
        } catch (KafkaException e) {
            closeQuietly(ledger::close, "delivery ledger");
            closeQuietly(silences::close, "silences");
            throw new IllegalStateException("cannot create the alerts clients: " + e.getMessage(), e);
        }
        engine = new DeliveryEngine(plan, settings, ledger, unreadable, undeliverable, tracker, clock);
        Silences known = silences;
        engine.silenceWith(alert -> known.silencing(alert, clock.instant()).map(s -> "silence " + s.id() + " ("
                + s.conditionsText() + ", until " + s.endsAt() + ")"));
        pendingListeners.forEach(engine::onDelivered);
        pendingListeners.clear();
        consumer.subscribe(List.of(Topics.ALERTS.name()), new Rebalance());
        engine.start();
        thread = new Thread(this::run, "newswatch-alerts");
        thread.setDaemon(true);
        thread.start();
        LOG.info("alerts service consuming {} as group {} with receivers {} (retried for {} each, a receiver down "
                        + "after {} failure(s) in a row; {} delivery records known)", Topics.ALERTS.name(), groupId,
                plan.receivers().stream().map(AlertReceiver::name).toList(), settings.maxAge(),
                settings.circuitFailures(), ledger.size());
    }

    private Properties consumerProperties() {
        Properties p = (Properties) kafkaProps.clone();
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        // The classic protocol lets a restarted static member replace its dead predecessor at once. Under the
        // consumer protocol (KIP-848) the broker refuses the id (UNRELEASED_INSTANCE_ID) until the dead member's
        // session expires, and the refused consumer stays failed: measured, it delivered nothing for 90 s.
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, GroupProtocol.CLASSIC.name().toLowerCase(java.util.Locale.ROOT));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private void run() {
        try {
            while (!stop.isStopped()) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(POLL_TIMEOUT);
                } catch (WakeupException e) {
                    break;
                } catch (FencedInstanceIdException e) {
                    // polling on would take the id back and fence the other instance in turn, forever
                    LOG.error("another alerts instance joined group {} as {}; this one stops. Give each instance "
                            + "its own {}", groupId, instanceId, ConfigKeys.INSTANCE_ID.name());
                    break;
                } catch (KafkaException e) {
                    LOG.warn("polling {} failed, trying again: {}", Topics.ALERTS.name(), e.toString());
                    stop.pause(DEAD_LETTER_RETRY_PAUSE);
                    continue;
                }
                dispatch(records);
                commitFinished(consumer.assignment());
                applyBackpressure();
            }
        } catch (WakeupException e) {
            LOG.debug("woken up to close");
        } catch (RuntimeException e) {
            LOG.error("the alerts consumer stopped on an unexpected error; alerts are no longer delivered", e);
        } finally {
            engine.stop(CLOSE_GRACE);
            // a close() that had to interrupt us must not make the commit or the consumer's close throw
            Thread.interrupted();
            try {
                commitFinished(consumer.assignment());
            } catch (RuntimeException e) {
                LOG.warn("final commit failed: {}", e.toString());
            }
            // a static member does not leave on a plain close: its partitions would wait out the session timeout
            closeQuietly(() -> consumer.close(CloseOptions.groupMembershipOperation(
                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP)), "consumer");
            closeQuietly(unreadable::close, "dead-letter producer");
            closeQuietly(undeliverable::close, "alerts dead-letter producer");
            closeQuietly(ledger::close, "delivery ledger");
        }
    }

    /** Hands every record to the engine, partition by partition; stops a partition at a record it must re-read. */
    private void dispatch(ConsumerRecords<byte[], byte[]> records) {
        boolean deadLetterFailed = false;
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                try {
                    engine.dispatch(record);
                } catch (KafkaException e) {
                    LOG.error("{}; the record stays uncommitted and is tried again", e.getMessage());
                    // read again by this member, and the position (what an idle partition commits) is back at it
                    consumer.seek(tp, record.offset());
                    deadLetterFailed = true;
                    break;
                }
            }
        }
        if (deadLetterFailed) {
            stop.pause(DEAD_LETTER_RETRY_PAUSE);
        }
    }

    /**
     * Commits, for each partition, the lowest offset still being delivered, or the consumer's position when nothing
     * is (which also steps over a transaction marker that follows the last record; offset + 1 alone would leave a
     * lag of one behind every commit). Only changes are committed.
     */
    private void commitFinished(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long offset;
            try {
                offset = tracker.lowestOpen(tp).orElse(consumer.position(tp));
            } catch (WakeupException e) {
                return;
            } catch (KafkaException e) {
                LOG.debug("position of {} unknown: {}", tp, e.toString());
                continue;
            }
            Long last = lastCommitted.get(tp);
            if (last == null || last != offset) {
                offsets.put(tp, new OffsetAndMetadata(offset));
            }
        }
        commit(offsets);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        // a close() calls wakeup(), which would abort this commit; the commit must still happen
        boolean interrupted = Thread.interrupted();
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                consumer.commitSync(offsets);
                offsets.forEach((tp, o) -> lastCommitted.put(tp, o.offset()));
                LOG.debug("committed {}", offsets);
                break;
            } catch (WakeupException e) {
                LOG.debug("commit woken up by close(); committing once more");
            } catch (KafkaException e) {
                LOG.warn("could not commit {} ({}); those alerts are looked at again after a restart, and the "
                        + "delivery records keep them from being sent twice", offsets, e.toString());
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops reading while too many alerts are unfinished, and resumes at half. */
    private void applyBackpressure() {
        int inFlight = tracker.inFlight();
        if (!paused && inFlight >= settings.maxInFlight()) {
            consumer.pause(consumer.assignment());
            paused = true;
            LOG.info("{} alerts in flight (alerts.delivery.max.in.flight {}): reading paused until receivers catch up",
                    inFlight, settings.maxInFlight());
        } else if (paused && inFlight <= settings.maxInFlight() / 2) {
            consumer.resume(consumer.paused());
            paused = false;
            LOG.info("reading resumed ({} alerts in flight)", inFlight);
        }
    }

    /** Keeps the tracker and the lanes in step with the partitions this member owns. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            // the previous owner's last delivery records must be known before its alerts are looked at again
            if (!ledger.awaitCaughtUp(CATCH_UP_WAIT)) {
                LOG.warn("{} not read to its end within {} s; an alert delivered just before the rebalance may be "
                        + "sent again", Topics.DELIVERIES.name(), CATCH_UP_WAIT.toSeconds());
            }
            partitions.forEach(tracker::assigned);
            if (paused) {
                consumer.pause(partitions);
            }
            LOG.info("alerts partitions assigned: {}", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            handOver(partitions, true);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            handOver(partitions, false);
        }

        private void handOver(Collection<TopicPartition> partitions, boolean commit) {
            if (partitions.isEmpty()) {
                return;
            }
            Set<TopicPartition> gone = Set.copyOf(partitions);
            if (commit) {
                commitFinished(gone);
            }
            gone.forEach(tracker::revoked);
            gone.forEach(lastCommitted::remove);
            // a message in hand finishes (or gives up at its next retry) before the next owner may send it
            long deadline = System.nanoTime() + REVOKE_GRACE.toNanos();
            while (engine.busyWith(gone) && System.nanoTime() < deadline) {
                stop.pause(Duration.ofMillis(20));
            }
            LOG.info("alerts partitions {}: {}", commit ? "revoked" : "lost", partitions);
        }
    }

    /**
     * Stops the consumer and the lanes (each receiver's message in hand gets 5 s, then a hanging receiver is
     * interrupted), commits what was finished, and closes the receivers. Idempotent.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
        }
        stop.stop();
        if (running != null) {
            closeQuietly(consumer::wakeup, "consumer (wakeup)");
            try {
                running.join(CLOSE_GRACE.toMillis() * 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (running.isAlive()) {
                LOG.warn("alerts consumer did not stop in time; unfinished alerts are looked at again after a "
                        + "restart");
            }
        }
        for (AlertReceiver r : plan.receivers()) {
            closeQuietly(r::close, "receiver " + r.name());
        }
        if (silences != null) {
            closeQuietly(silences::close, "silences");
        }
        LOG.info("alerts service closed: {} delivered, {} dead-lettered, {} silenced", deliveredCount(),
                deadLetteredCount(), silencedCount());
    }

    private static void closeQuietly(Runnable close, String what) {
        try {
            close.run();
        } catch (RuntimeException e) {
            LOG.warn("closing the {} failed: {}", what, e.toString());
        }
    }
}
