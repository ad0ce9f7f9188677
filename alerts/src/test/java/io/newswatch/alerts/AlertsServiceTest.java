package io.newswatch.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.JsonlFileReceiver;
import io.newswatch.alerts.receiver.OutboundUrlPolicy;
import io.newswatch.alerts.receiver.WebhookReceiver;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.serde.JsonSerde;
import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The alerts service against a real embedded Kafka broker (a fresh one per test, so tests cannot see each other). */
class AlertsServiceTest {
    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The test endpoints listen on loopback, which the default outbound policy refuses. */
    private static WebhookReceiver loopbackWebhook(URI url, Duration timeout) {
        return new WebhookReceiver(url, timeout, OutboundUrlPolicy.defaults().allowingLoopback());
    }

    @TempDir
    Path dir;

    private EmbeddedKafka kafka;
    private Properties kafkaProps;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
        kafkaProps = new Properties();
        kafkaProps.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(kafkaProps)) {
            TopicAdmin.ensureTopics(admin, Topics.ALL);
        }
    }

    @AfterEach
    void stopBroker() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        kafka.close();
    }

    @Test
    void transactionalAlertsReachTheFileExactlyOnceAndAbortedOnesNever() throws Exception {
        Path file = dir.resolve("out/alerts.jsonl");
        AlertsService service = service(config("group-a"), new JsonlFileReceiver(file));
        List<Alert> delivered = new CopyOnWriteArrayList<>();
        service.onDelivered(delivered::add);
        service.start();

        Alert aborted = TestAlerts.sanctions("aborted-story");
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alerts.add(TestAlerts.sanctions("story-" + i));
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, Alert> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), 0, aborted.id(), aborted));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            for (Alert a : alerts) {
                // one partition, so the aborted alert is provably behind the committed ones
                sent.add(producer.send(new ProducerRecord<>(Topics.ALERTS.name(), 0, a.id(), a)));
            }
            producer.commitTransaction();
        }

        await().atMost(WAIT).until(() -> service.deliveredCount() == 5);
        awaitCommitted("group-a", sent.get(4).get().offset() + 1);
        assertThat(readAlerts(file)).containsExactlyElementsOf(alerts).doesNotContain(aborted);
        assertThat(delivered).containsExactlyElementsOf(alerts);
        assertThat(service.deadLetteredCount()).isZero();
    }

    @Test
    void aSubscriptionsFileRoutesEachAlertOnlyToItsReceivers() throws Exception {
        Path breaches = dir.resolve("breaches.jsonl");
        Path everything = dir.resolve("everything.jsonl");
        io.newswatch.alerts.routing.Subscriptions subs = io.newswatch.alerts.routing.Subscriptions.parse("""
                receivers:
                  - {name: breaches, type: file, path: '%s'}
                  - {name: everything, type: file, path: '%s'}
                route:
                  receiver: everything
                  routes:
                    - match: {rule: sanctions-violation, min_severity: critical}
                      receiver: breaches
                """.formatted(breaches, everything), "subs.yaml");
        AlertsService service = new AlertsService(config("group-routes"), kafkaProps, DeliveryPlan.routed(subs,
                new io.newswatch.alerts.routing.ReceiverFactory(System.out).build(subs)));
        toClose.add(0, service);
        service.start();
        Alert critical = TestAlerts.sanctions("routed-1");
        Alert warning = TestAlerts.with(TestAlerts.sanctions("routed-2"), "warning", "A warning", null);
        produce(List.of(critical, warning));
        await().atMost(WAIT).until(() -> service.deliveredCount() == 2);
        assertThat(readAlerts(breaches)).containsExactly(critical);
        assertThat(readAlerts(everything)).as("the critical one went to the team route only").containsExactly(warning);
    }

    @Test
    void anActiveSilenceKeepsMatchingAlertsFromEveryReceiverAndTheOthersGoThrough() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        io.newswatch.alerts.silence.SilenceWriter.add(kafkaProps, "test", io.newswatch.model.Silence.create(
                java.util.Map.of("rule", List.of("sanctions-violation"), "severity", List.of("warning")),
                now.minusSeconds(60), now.plusSeconds(3600), "known false positive", now));
        Path file = dir.resolve("silenced.jsonl");
        AlertsService service = service(config("group-silence"), new JsonlFileReceiver(file));
        service.start();
        Alert critical = TestAlerts.sanctions("silence-1");
        Alert warning = TestAlerts.with(TestAlerts.sanctions("silence-2"), "warning", "A warning", null);
        produce(List.of(warning, critical));
        await().atMost(WAIT).until(() -> service.deliveredCount() == 1 && service.silencedCount() == 1);
        assertThat(readAlerts(file)).containsExactly(critical);
        awaitCommitted("group-silence", 2);
    }

    @Test
    void aSilenceStopsSilencingWhenItEndsByTheServiceClock() throws Exception {
        java.time.Instant t0 = java.time.Instant.parse("2026-05-01T12:00:00Z");
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic.AtomicReference<>(t0);
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        io.newswatch.alerts.silence.SilenceWriter.add(kafkaProps, "test", io.newswatch.model.Silence.create(
                java.util.Map.of("rule", List.of("sanctions-violation")), t0, t0.plusSeconds(2 * 3600),
                "maintenance", t0));
        Path file = dir.resolve("expiring.jsonl");
        AlertsService service = new AlertsService(config("group-expiry"), kafkaProps,
                DeliveryPlan.everyReceiver(List.of(new JsonlFileReceiver(file))), clock);
        toClose.add(0, service);
        service.start();
        Alert during = TestAlerts.sanctions("during-silence");
        produce(List.of(during));
        await().atMost(WAIT).until(() -> service.silencedCount() == 1);

        now.set(t0.plusSeconds(2 * 3600)); // the silence's end is exclusive
        Alert after = TestAlerts.sanctions("after-silence");
        produce(List.of(after));
        await().atMost(WAIT).until(() -> service.deliveredCount() == 1);
        assertThat(readAlerts(file)).containsExactly(after);
        assertThat(service.silencedCount()).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheGoodOnesAreDelivered() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        AlertsService service = service(config("group-b"), new JsonlFileReceiver(file));
        service.start();
        Alert before = TestAlerts.sanctions("before");
        Alert after = TestAlerts.sanctions("after");
        byte[] poison = "{\"id\": \"cut-off".getBytes(UTF_8);
        byte[] poisonKey = "poison-key".getBytes(UTF_8);
        RecordMetadata poisonAt;
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), 0, before.id().getBytes(UTF_8),
                    SERDE.toBytes(before))).get();
            poisonAt = producer.send(new ProducerRecord<>(Topics.ALERTS.name(), 0, poisonKey, poison)).get();
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), 0, after.id().getBytes(UTF_8),
                    SERDE.toBytes(after))).get();
        }

        await().atMost(WAIT).until(() -> service.deliveredCount() == 2 && service.deadLetteredCount() == 1);
        assertThat(readAlerts(file)).containsExactly(before, after);
        List<ConsumerRecord<byte[], byte[]>> dead = deadLetters(Topics.DLQ.name(), 1);
        ConsumerRecord<byte[], byte[]> letter = dead.get(0);
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(letter.key()).isEqualTo(poisonKey);
        assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).endsWith("SerializationException");
        assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("cannot read Alert");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.ALERTS.name());
        assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo(String.valueOf(poisonAt.offset()));
        assertThat(header(letter, DeadLetterHeaders.APPLICATION_ID)).isEqualTo("group-b");
        assertThat(header(letter, AlertsService.RECEIVER_HEADER)).isNull();
        awaitCommitted("group-b", poisonAt.offset() + 2);
    }

    @Test
    void anAlertTheRoutingSendsNowhereIsCountedAndDeadLetteredNotDropped() throws Exception {
        AlertsService service = service(config("group-unrouted"));
        service.start();
        Alert alert = TestAlerts.sanctions("nowhere");
        produce(List.of(alert));

        await().atMost(WAIT).until(() -> service.deadLetteredCount() == 1);
        ConsumerRecord<byte[], byte[]> letter = deadLetters(Topics.ALERTS_DLQ.name(), 1).get(0);
        assertThat(SERDE.fromBytes(letter.value())).isEqualTo(alert);
        assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("no receiver").contains(alert.id());
        assertThat(service.deliveredCount()).isZero();
        awaitCommitted("group-unrouted", 1);
    }

    @Test
    void aSecondInstanceUnderTheSameInstanceIdStopsTheFirstInsteadOfFencingItBack() throws Exception {
        NewswatchConfig sameId = config("group-fenced").with(ConfigKeys.INSTANCE_ID, "alerts-copy");
        AlertsService one = service(sameId, new JsonlFileReceiver(dir.resolve("one.jsonl")));
        one.start();
        produce(List.of(TestAlerts.sanctions("fenced-1")));
        await().atMost(WAIT).until(() -> one.deliveredCount() == 1);

        Path secondFile = dir.resolve("two.jsonl");
        AlertsService two = service(sameId, new JsonlFileReceiver(secondFile));
        two.start();
        await().atMost(WAIT).until(() -> !one.isRunning());
        Alert fresh = TestAlerts.sanctions("fenced-2");
        produce(List.of(fresh));
        await().atMost(WAIT).until(() -> two.deliveredCount() >= 1);
        assertThat(two.isRunning()).as("the newer instance keeps the id").isTrue();
        assertThat(readAlerts(secondFile)).contains(fresh);
    }

    @Test
    void anOffsetIsCommittedOnlyOnceTheDeliveryListenersHaveSeenItsAlert() throws Exception {
        AlertsService service = service(config("group-listeners"), new JsonlFileReceiver(dir.resolve("l.jsonl")));
        List<Alert> seen = new CopyOnWriteArrayList<>();
        service.onDelivered(a -> {
            // a listener held up as on a busy machine, between the receiver's success and the count it keeps
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(a);
        });
        service.start();
        List<Alert> alerts = List.of(TestAlerts.sanctions("listened-1"), TestAlerts.sanctions("listened-2"),
                TestAlerts.sanctions("listened-3"));
        produce(alerts);
        long end = endOffset();
        TopicPartition tp = new TopicPartition(Topics.ALERTS.name(), 0);
        // what the listener had seen at the first moment the commit covered every alert
        List<Alert> seenAtCommit = new ArrayList<>();
        try (Admin admin = Admin.create(kafkaProps)) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("group-listeners")
                        .partitionsToOffsetAndMetadata().get().get(tp);
                List<Alert> now = List.copyOf(seen);
                if (committed == null || committed.offset() < end) {
                    return false;
                }
                seenAtCommit.addAll(now);
                return true;
            });
        }
        assertThat(seenAtCommit).containsExactlyElementsOf(alerts);
    }

    @Test
    void aRestartedServiceDeliversOnlyWhatCameAfterTheCommittedOffsets() throws Exception {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        List<Alert> old = List.of(TestAlerts.sanctions("old-1"), TestAlerts.sanctions("old-2"),
                TestAlerts.sanctions("old-3"));
        AlertsService one = service(config("group-c"), new JsonlFileReceiver(first));
        one.start();
        produce(old);
        await().atMost(WAIT).until(() -> one.deliveredCount() == 3);
        one.close();
        assertThat(readAlerts(first)).containsExactlyElementsOf(old);

        AlertsService two = service(config("group-c"), new JsonlFileReceiver(second));
        two.start();
        Alert fresh = TestAlerts.sanctions("fresh");
        produce(List.of(fresh));
        await().atMost(WAIT).until(() -> two.deliveredCount() >= 1);
        // everything sits on partition 0, so the old alerts, had they come again, would have come first
        assertThat(readAlerts(second)).containsExactly(fresh);
        assertThat(two.deliveredCount()).isEqualTo(1);
        awaitCommitted("group-c", 4);
    }

    @Test
    void aWebhookThatAlwaysFailsDeadLettersTheAlertWhileTheFileStillGetsIt() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = loopbackServer(500, null, hits);
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook/S3CR3T-TOKEN");
        WebhookReceiver webhook = loopbackWebhook(url, Duration.ofSeconds(5));
        Path file = dir.resolve("alerts.jsonl");
        AlertsService service = service(config("group-d").with(ConfigKeys.ALERTS_DELIVERY_MAX_AGE, "1s"),
                webhook, new JsonlFileReceiver(file));
        service.start();
        Alert alert = TestAlerts.sanctions("webhook-down");
        produce(List.of(alert));

        await().atMost(WAIT).until(() -> service.deadLetteredCount() == 1);
        // retried 200 ms and 400 ms later (±25 %); the next wait would end past the 1 s age limit
        assertThat(hits.get()).isBetween(2, 3);
        // each receiver has its own lane: the file does not wait for the webhook's retries
        await().atMost(WAIT).until(() -> !readAlerts(file).isEmpty());
        assertThat(readAlerts(file)).containsExactly(alert);
        assertThat(service.deliveredCount()).as("not every receiver took it").isZero();
        ConsumerRecord<byte[], byte[]> letter = deadLetters(Topics.ALERTS_DLQ.name(), 1).get(0);
        assertThat(letter.value()).isEqualTo(SERDE.toBytes(alert));
        assertThat(new String(letter.key(), UTF_8)).isEqualTo(alert.id());
        assertThat(header(letter, AlertsService.RECEIVER_HEADER)).isEqualTo(webhook.name());
        assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("answered 500")
                .doesNotContain("S3CR3T");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        awaitCommitted("group-d", 1);
    }

    @Test
    void closingDuringARetryPauseNeitherCommitsNorDeadLettersTheAlert() throws Exception {
        AtomicInteger busyHits = new AtomicInteger();
        HttpServer busy = loopbackServer(503, "30", busyHits);
        URI busyUrl = URI.create("http://127.0.0.1:" + busy.getAddress().getPort() + "/hook");
        AlertsService one = service(config("group-e"), loopbackWebhook(busyUrl, Duration.ofSeconds(5)));
        one.start();
        Alert alert = TestAlerts.sanctions("closing");
        produce(List.of(alert));
        await().atMost(WAIT).until(() -> busyHits.get() == 1);
        // the service now waits out the Retry-After of 30 s; close() must cut that short
        one.close();
        assertThat(one.deadLetteredCount()).isZero();

        AtomicInteger okHits = new AtomicInteger();
        HttpServer ok = loopbackServer(204, null, okHits);
        URI okUrl = URI.create("http://127.0.0.1:" + ok.getAddress().getPort() + "/hook");
        AlertsService two = service(config("group-e"), loopbackWebhook(okUrl, Duration.ofSeconds(5)));
        List<Alert> delivered = new CopyOnWriteArrayList<>();
        two.onDelivered(delivered::add);
        two.start();
        await().atMost(WAIT).until(() -> delivered.size() == 1);
        assertThat(delivered).containsExactly(alert);
        assertThat(okHits).hasValue(1);
    }

    @Test
    @Timeout(60)
    void closeInterruptsAWebhookThatHangsAndTheAlertIsDeliveredAfterRestart() throws Exception {
        AtomicInteger hangingHits = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        toClose.add(never::countDown);
        HttpServer hanging = loopbackServer(204, null, hangingHits, never);
        URI hangingUrl = URI.create("http://127.0.0.1:" + hanging.getAddress().getPort() + "/hook");
        AlertsService one = service(config("group-f"), loopbackWebhook(hangingUrl, Duration.ofSeconds(20)));
        one.start();
        Alert alert = TestAlerts.sanctions("hanging");
        produce(List.of(alert));
        await().atMost(WAIT).until(() -> hangingHits.get() == 1);
        assertThat(one.isRunning()).isTrue();
        // the request would wait 20 s; close() gives it 5 s, then interrupts it
        one.close();
        assertThat(one.isRunning()).isFalse();
        assertThat(one.deadLetteredCount()).isZero();
        assertThat(one.deliveredCount()).isZero();

        AtomicInteger okHits = new AtomicInteger();
        HttpServer ok = loopbackServer(200, null, okHits);
        URI okUrl = URI.create("http://127.0.0.1:" + ok.getAddress().getPort() + "/hook");
        AlertsService two = service(config("group-f"), loopbackWebhook(okUrl, Duration.ofSeconds(5)));
        two.start();
        await().atMost(WAIT).until(() -> two.deliveredCount() == 1);
        assertThat(okHits).hasValue(1);
        awaitCommitted("group-f", 1);
    }

    // --- fixtures

    private NewswatchConfig config(String groupId) {
        return NewswatchConfig.defaults().with(ConfigKeys.ALERTS_GROUP_ID, groupId);
    }

    private AlertsService service(NewswatchConfig config, AlertReceiver... receivers) {
        AlertsService s = new AlertsService(config, kafkaProps, List.of(receivers));
        toClose.add(0, s);
        return s;
    }

    private HttpServer loopbackServer(int status, String retryAfter, AtomicInteger hits) throws IOException {
        return loopbackServer(status, retryAfter, hits, new CountDownLatch(0));
    }

    /** A webhook endpoint answering {@code status} to everything, after {@code hold} opens. */
    private HttpServer loopbackServer(int status, String retryAfter, AtomicInteger hits, CountDownLatch hold)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hits.incrementAndGet();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        toClose.add(() -> server.stop(0));
        return server;
    }

    private KafkaProducer<String, Alert> transactionalProducer() {
        Properties p = (Properties) kafkaProps.clone();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "alerts-test-" + UUID.randomUUID());
        return new KafkaProducer<>(p, Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer());
    }

    private KafkaProducer<byte[], byte[]> rawProducer() {
        return new KafkaProducer<>(kafkaProps, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private void produce(List<Alert> alerts) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            for (Alert a : alerts) {
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), 0, a.id().getBytes(UTF_8),
                        SERDE.toBytes(a))).get();
            }
        }
    }

    private static List<Alert> readAlerts(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().map(l -> SERDE.fromBytes(l.getBytes(UTF_8))).toList();
    }

    private long endOffset() {
        try (KafkaConsumer<byte[], byte[]> c = rawConsumer()) {
            TopicPartition tp = new TopicPartition(Topics.ALERTS.name(), 0);
            return c.endOffsets(List.of(tp)).get(tp);
        }
    }

    /** Waits until the group has committed at least {@code atLeast} on partition 0 (at most its end offset). */
    private void awaitCommitted(String groupId, long atLeast) {
        TopicPartition tp = new TopicPartition(Topics.ALERTS.name(), 0);
        long end = endOffset();
        try (Admin admin = Admin.create(kafkaProps)) {
            await().atMost(WAIT).untilAsserted(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get().get(tp);
                assertThat(committed).isNotNull();
                assertThat(committed.offset()).isBetween(atLeast, end);
            });
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetters(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = rawConsumer()) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            await().atMost(WAIT).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= expected;
            });
        }
        assertThat(out).hasSize(expected);
        return out;
    }

    private KafkaConsumer<byte[], byte[]> rawConsumer() {
        Properties p = (Properties) kafkaProps.clone();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return DeadLetterHeaders.get(r.headers(), name);
    }
}
