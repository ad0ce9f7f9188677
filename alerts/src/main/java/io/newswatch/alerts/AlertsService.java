package io.newswatch.alerts;

import io.newswatch.alerts.config.SecretRef;
import io.newswatch.alerts.internal.AlertDispatcher;
import io.newswatch.alerts.internal.DeadLetterWriter;
import io.newswatch.alerts.internal.RetryingDelivery;
import io.newswatch.alerts.internal.StopSignal;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.ConsoleReceiver;
import io.newswatch.alerts.receiver.JsonlFileReceiver;
import io.newswatch.alerts.receiver.OutboundUrlPolicy;
import io.newswatch.alerts.receiver.WebhookReceiver;
import io.newswatch.alerts.receiver.WebhookSigner;
import io.newswatch.alerts.silence.Silences;
import io.newswatch.model.Alert;
import io.newswatch.model.config.ConfigException;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: consumes {@link Topics#ALERTS} and hands every alert to every receiver.
 *
 * <p>Guarantees (DESIGN.md, "Delivery"): at least once. The consumer reads with {@code read_committed} (so alerts
 * of an aborted Streams transaction never go out) and commits an offset only after the alert at that offset was
 * delivered to every receiver or dead-lettered, so nothing is silently dropped; after a crash or a rebalance an
 * alert may arrive again, with the same id (receivers deduplicate on it). Each receiver gets
 * {@code alerts.webhook.attempts} attempts with backoff ({@link RetryingDelivery}); when they run out the alert's
 * original bytes go to {@link Topics#DLQ} with {@code DeadLetterHeaders} plus {@value DeadLetterWriter#RECEIVER_HEADER}
 * naming the receiver, and a WARN line names receiver and alert; the other receivers are served regardless. A
 * record that is not a readable alert goes to the dead-letter topic with its original bytes and is skipped.
 *
 * <p>When the dead-letter topic itself cannot be written, the record is not committed: the consumer seeks back
 * to it and tries again after a pause, so the service keeps running and loses nothing.
 *
 * <p>Threading: {@link #start()} runs the consumer on its own daemon thread; {@link #close()} may be called from
 * any thread and returns within about ten seconds even when a webhook hangs, committing what was finished.
 */
public final class AlertsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);

    /** The dead-letter header naming the receiver that gave up on an alert. */
    public static final String RECEIVER_HEADER = DeadLetterWriter.RECEIVER_HEADER;
    /** Connect and exchange timeout of the configured webhook. */
    public static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final Duration DEAD_LETTER_RETRY_PAUSE = Duration.ofSeconds(2);

    private final NewswatchConfig config;
    private final Properties kafkaProps;
    private final List<AlertReceiver> receivers;
    private final Function<Alert, Collection<String>> router;
    private Silences silences;
    private final String groupId;
    private final String clientIdPrefix;
    private final StopSignal stop = new StopSignal();
    private final List<Consumer<Alert>> pendingListeners = new ArrayList<>();
    private AlertDispatcher dispatcher;
    private KafkaConsumer<byte[], byte[]> consumer;
    /** The offset this member last committed per partition, so an idle poll can step over a late marker. */
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    private DeadLetterWriter deadLetters;
    private Thread thread;
    private boolean closed;

    /**
     * @param config     group id ({@code alerts.group.id}), attempts ({@code alerts.webhook.attempts}), client id
     *                   prefix
     * @param kafkaProps Kafka connection properties (at least {@code bootstrap.servers}); copied
     * @param receivers  where alerts go, in delivery order; the service owns them and closes them in
     *                   {@link #close()}
     */
    public AlertsService(NewswatchConfig config, Properties kafkaProps, List<AlertReceiver> receivers) {
        this(config, kafkaProps, DeliveryPlan.everyReceiver(receivers));
    }

    /**
     * @param plan the receivers (owned and closed by the service) and which of them each alert goes to
     */
    public AlertsService(NewswatchConfig config, Properties kafkaProps, DeliveryPlan plan) {
        this.config = Objects.requireNonNull(config, "config");
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.receivers = plan.receivers();
        this.router = plan.router();
        this.groupId = config.get(ConfigKeys.ALERTS_GROUP_ID);
        this.clientIdPrefix = config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-alerts";
    }

    /**
     * The receivers the configuration asks for: the console ({@code alerts.console}, coloured when {@code console}
     * is standard output on a terminal), the JSON Lines file ({@code alerts.file}, when set) and the webhook
     * ({@code alerts.webhook.url}, when set; timeout {@link #WEBHOOK_TIMEOUT}).
     *
     * @throws ConfigException when the webhook URL is not an http(s) URL (the message never quotes the URL)
     * @throws java.io.UncheckedIOException when the alerts file cannot be opened
     */
    public static List<AlertReceiver> receiversFrom(NewswatchConfig config, PrintStream console) {
        List<AlertReceiver> list = new ArrayList<>();
        try {
            addReceivers(config, console, list);
        } catch (RuntimeException e) {
            list.forEach(AlertReceiver::close);
            throw e;
        }
        return list;
    }

    private static void addReceivers(NewswatchConfig config, PrintStream console, List<AlertReceiver> list) {
        if (config.get(ConfigKeys.ALERTS_CONSOLE)) {
            boolean colour = console == System.out && ConsoleReceiver.stdoutIsTerminal();
            list.add(new ConsoleReceiver(console, colour));
        }
        Path file = config.get(ConfigKeys.ALERTS_FILE);
        if (file != null) {
            list.add(new JsonlFileReceiver(file));
        }
        String webhook = config.get(ConfigKeys.ALERTS_WEBHOOK_URL).trim();
        if (!webhook.isEmpty()) {
            URI url;
            try {
                url = new URI(webhook);
            } catch (URISyntaxException e) {
                // the exception quotes its input, and webhook URLs carry tokens: say where, not what
                throw new ConfigException(ConfigKeys.ALERTS_WEBHOOK_URL.name() + " (from "
                        + config.origin(ConfigKeys.ALERTS_WEBHOOK_URL) + ") is not a valid URL: " + e.getReason());
            }
            OutboundUrlPolicy policy = OutboundUrlPolicy.defaults();
            if (config.get(ConfigKeys.ALERTS_WEBHOOK_ALLOW_LOOPBACK)) {
                policy = policy.allowingLoopback();
            }
            if (config.get(ConfigKeys.ALERTS_WEBHOOK_ALLOW_PRIVATE)) {
                policy = policy.allowingPrivate();
            }
            String key = config.get(ConfigKeys.ALERTS_WEBHOOK_SIGNING_KEY).trim();
            WebhookSigner signer = null;
            if (!key.isEmpty()) {
                try {
                    signer = WebhookSigner.ofSecret(SecretRef.parse(key).resolve());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(ConfigKeys.ALERTS_WEBHOOK_SIGNING_KEY.name() + ": " + e.getMessage());
                }
            }
            try {
                list.add(new WebhookReceiver(url, WEBHOOK_TIMEOUT, policy, signer));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ConfigKeys.ALERTS_WEBHOOK_URL.name() + ": " + e.getMessage()
                        + (e.getMessage().contains("not allowed") ? " (" + ConfigKeys.ALERTS_WEBHOOK_ALLOW_LOOPBACK.name()
                        + " or " + ConfigKeys.ALERTS_WEBHOOK_ALLOW_PRIVATE.name() + " permits it)" : ""));
            }
        }
    }

    /**
     * Registers a callback run on the consumer thread after an alert was delivered to every receiver (an alert some
     * receiver gave up on is dead-lettered instead and does not reach listeners). A listener that throws is logged
     * and does not affect delivery.
     */
    public synchronized void onDelivered(Consumer<Alert> listener) {
        Objects.requireNonNull(listener, "listener");
        if (dispatcher != null) {
            dispatcher.onDelivered(listener);
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

    /** Alerts delivered to every receiver since {@link #start()}. */
    public synchronized long deliveredCount() {
        return dispatcher == null ? 0 : dispatcher.deliveredCount();
    }

    /** Dead letters written since {@link #start()}: unreadable records plus one per receiver that gave up. */
    public synchronized long deadLetteredCount() {
        return dispatcher == null ? 0 : dispatcher.deadLetteredCount();
    }

    /** Alerts an active silence on {@code news.silences} kept from every receiver since {@link #start()}. */
    public synchronized long silencedCount() {
        return dispatcher == null ? 0 : dispatcher.silencedCount();
    }

    /**
     * Creates the catalogue topics when missing, subscribes to {@link Topics#ALERTS} and starts the consumer
     * thread.
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
        // every silence on news.silences is known before the first alert is looked at
        silences = new Silences(kafkaProps, clientIdPrefix + "-silences");
        silences.start();
        int attempts = config.get(ConfigKeys.ALERTS_WEBHOOK_ATTEMPTS);
        List<RetryingDelivery> deliveries = new ArrayList<>();
        for (AlertReceiver r : receivers) {
            deliveries.add(new RetryingDelivery(r, attempts, stop));
        }
        try {
            deadLetters = new DeadLetterWriter(kafkaProps, clientIdPrefix + "-dlq", groupId);
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot create the dead-letter producer: " + e.getMessage(), e);
        }
        try {
            consumer = new KafkaConsumer<>(consumerProperties());
            consumer.subscribe(List.of(Topics.ALERTS.name()));
        } catch (KafkaException e) {
            deadLetters.close();
            throw new IllegalStateException("cannot create the alerts consumer: " + e.getMessage(), e);
        }
        dispatcher = new AlertDispatcher(deliveries, router, deadLetters);
        Silences known = silences;
        dispatcher.silenceWith(alert -> known.silencing(alert, Instant.now()).map(s -> "silence " + s.id() + " ("
                + s.conditionsText() + ", until " + s.endsAt() + ")"));
        pendingListeners.forEach(dispatcher::onDelivered);
        pendingListeners.clear();
        thread = new Thread(this::run, "newswatch-alerts");
        thread.setDaemon(true);
        thread.start();
        LOG.info("alerts service consuming {} as group {} with receivers {} ({} attempt(s) each)",
                Topics.ALERTS.name(), groupId, receivers.stream().map(AlertReceiver::name).toList(), attempts);
    }

    private Properties consumerProperties() {
        Properties p = (Properties) kafkaProps.clone();
        // few records per poll and a long poll interval: one poll's worth of slow webhooks must not get this
        // member thrown out of the group (each alert can take a few minutes when a webhook keeps failing)
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10");
        p.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(Duration.ofMinutes(30).toMillis()));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
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
                } catch (KafkaException e) {
                    LOG.warn("polling {} failed, trying again: {}", Topics.ALERTS.name(), e.toString());
                    stop.pause(DEAD_LETTER_RETRY_PAUSE);
                    continue;
                }
                if (!records.isEmpty()) {
                    processBatch(records);
                } else {
                    stepOverMarkers();
                }
            }
        } catch (RuntimeException e) {
            LOG.error("the alerts consumer stopped on an unexpected error; alerts are no longer delivered", e);
        } finally {
            // a close() that had to interrupt us must not make the consumer's own close throw
            Thread.interrupted();
            closeQuietly(consumer::close, "consumer");
            closeQuietly(deadLetters::close, "dead-letter producer");
        }
    }

    /** Dispatches records partition by partition, stopping at the first that is not finished with. */
    private void processBatch(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> finished = new HashMap<>();
        Map<TopicPartition, Long> rewind = new HashMap<>();
        boolean deadLetterFailed = false;
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                if (!rewind.isEmpty()) {
                    rewind.put(tp, record.offset());
                    break;
                }
                AlertDispatcher.Result result;
                try {
                    result = dispatcher.dispatch(record);
                } catch (KafkaException e) {
                    LOG.error("{}; the record stays uncommitted and is tried again", e.getMessage());
                    deadLetterFailed = true;
                    result = AlertDispatcher.Result.ABANDONED;
                }
                if (result == AlertDispatcher.Result.ABANDONED) {
                    rewind.put(tp, record.offset());
                    break;
                }
                finished.put(tp, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        for (var e : finished.entrySet()) {
            if (!rewind.containsKey(e.getKey())) {
                // a fully finished partition commits its position, which also steps over transaction markers
                // that follow the last record (offset + 1 alone would leave a lag of one behind every commit)
                try {
                    long position = consumer.position(e.getKey());
                    if (position > e.getValue().offset()) {
                        e.setValue(new OffsetAndMetadata(position));
                    }
                } catch (WakeupException woken) {
                    LOG.debug("position of {} not read (closing); committing past its last record", e.getKey());
                }
            }
        }
        // unfinished records must be read again by this member, not skipped by its advanced position
        rewind.forEach(consumer::seek);
        commit(finished);
        if (deadLetterFailed) {
            stop.pause(DEAD_LETTER_RETRY_PAUSE);
        }
    }

    /**
     * After an empty poll, commits the position of every partition whose position ran past what this member last
     * committed. That only happens when the producer's transaction marker came after the last record was handled:
     * without this the group would show a lag of one forever, and anything waiting for the alerts to be
     * delivered (an operator's lag alarm, {@code demo}) would wait in vain.
     */
    private void stepOverMarkers() {
        Map<TopicPartition, OffsetAndMetadata> ahead = new HashMap<>();
        try {
            for (TopicPartition tp : consumer.assignment()) {
                Long done = lastCommitted.get(tp);
                if (done != null) {
                    long position = consumer.position(tp);
                    if (position > done) {
                        ahead.put(tp, new OffsetAndMetadata(position));
                    }
                }
            }
        } catch (WakeupException e) {
            return;
        }
        commit(ahead);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        // a close() during delivery calls wakeup(), which would abort this commit; the commit must still happen
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
                LOG.warn("could not commit {} ({}); those alerts will be delivered again", offsets, e.toString());
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the consumer, waits for the alert being delivered (cutting retry pauses short and, after 5 s,
     * interrupting a hanging receiver), commits what was finished, and closes the receivers. Idempotent.
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
                running.join(CLOSE_GRACE.toMillis());
                if (running.isAlive()) {
                    LOG.warn("alerts consumer still busy after {} s, interrupting it", CLOSE_GRACE.toSeconds());
                    running.interrupt();
                    running.join(CLOSE_GRACE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (running.isAlive()) {
                LOG.warn("alerts consumer did not stop in time; uncommitted alerts will be delivered again");
            }
        }
        for (AlertReceiver r : receivers) {
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
