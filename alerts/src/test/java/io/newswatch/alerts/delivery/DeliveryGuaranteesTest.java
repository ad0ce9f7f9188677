package io.newswatch.alerts.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.alerts.AlertsService;
import io.newswatch.alerts.DeliveryPlan;
import io.newswatch.alerts.TestAlerts;
import io.newswatch.alerts.receiver.AlertReceiver;
import io.newswatch.alerts.receiver.JsonlFileReceiver;
import io.newswatch.alerts.receiver.OutboundUrlPolicy;
import io.newswatch.alerts.receiver.WebhookReceiver;
import io.newswatch.alerts.routing.ReceiverFactory;
import io.newswatch.alerts.routing.Subscriptions;
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
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery guarantees docs/guide.md lists, each against a real embedded broker and a webhook on loopback: a receiver
 * that is down, failing, throttling or slow; a restart mid-delivery; delivery records that outlive the consumer
 * group; grouping; re-driving a dead letter.
 *
 * <p>Two tests run at a time (src/test/resources/junit-platform.properties): the two outages spend two and a half
 * minutes waiting on a webhook that is down, so they start first and the other tests run beside them. Each test has
 * its own broker, consumer group, webhook and directory, so they share nothing.
 */
@Execution(ExecutionMode.CONCURRENT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryGuaranteesTest {
    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TopicPartition ALERTS_0 = new TopicPartition(Topics.ALERTS.name(), 0);

    @TempDir
    Path dir;

    private EmbeddedKafka kafka;
    private Properties kafkaProps;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** One request the test webhook received. */
    private record Hit(long atNanos, String idempotencyKey, JsonNode body) {
    }

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
        for (AutoCloseable c : reversed(toClose)) {
            c.close();
        }
        kafka.close();
    }

    @Test
    @Order(2)
    void aWebhookDownForThirtySecondsGetsEveryAlertExactlyOncePerIdempotencyKeyWhenItComesBack() throws Exception {
        int port = freePort();
        List<Hit> hits = new CopyOnWriteArrayList<>();
        // the defaults: 5 refused connections open the circuit, then a probe every 10 s until the webhook is back
        AlertsService service = start(config("down-30s"), webhook(port));
        List<Alert> alerts = alerts("down", 8);
        produce(alerts);
        Thread.sleep(30_000);
        assertThat(service.deliveredCount()).as("nothing can be delivered while the webhook is down").isZero();
        webhookServer(port, n -> 200, Duration.ZERO, hits);

        await().atMost(WAIT).until(() -> service.deliveredCount() == alerts.size());
        assertThat(keys(hits)).as("each alert once, under its own key")
                .containsExactlyInAnyOrderElementsOf(alerts.stream().map(Alert::deliveryKey).toList());
        assertThat(readAll(Topics.ALERTS_DLQ.name())).isEmpty();
        awaitCommitted("down-30s", alerts.size());
    }

    /**
     * 100 alerts queued against a webhook that answers 429 for 120 s, with the default settings: the first alert
     * waits (its circuit open, a probe every 10 s), the others wait behind it without being tried, none is
     * dead-lettered, and when the webhook is back the backlog drains at 50 alerts/s or more.
     */
    @Test
    @Order(1)
    void aTwoMinute429OutageDeadLettersNothingAndTheBacklogDrainsAtFiftyAlertsASecond() throws Exception {
        Duration outage = Duration.ofSeconds(120);
        record Answer(long atNanos, String idempotencyKey, int status) {
        }
        List<Answer> answers = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        long outageEnds = System.nanoTime() + outage.toNanos();
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            int status = now < outageEnds ? 429 : 200;
            answers.add(new Answer(now, exchange.getRequestHeaders().getFirst("Idempotency-Key"), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        toClose.add(() -> server.stop(0));
        AlertsService service = start(config("outage-429"), webhook(server));
        List<Alert> alerts = alerts("outage", 100);
        produce(alerts);

        await().atMost(outage.plus(WAIT)).pollInterval(Duration.ofSeconds(1))
                .until(() -> service.deliveredCount() == alerts.size() || !readAll(Topics.ALERTS_DLQ.name()).isEmpty());
        assertThat(readAll(Topics.ALERTS_DLQ.name())).as("an outage shorter than the maximum age").isEmpty();
        List<Answer> accepted = answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(accepted).extracting(Answer::idempotencyKey).as("each alert delivered once")
                .containsExactlyInAnyOrderElementsOf(alerts.stream().map(Alert::deliveryKey).toList());
        List<Answer> refused = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(refused).extracting(Answer::idempotencyKey).as("only the first alert was tried during the outage")
                .containsOnly(alerts.get(0).deliveryKey());
        assertThat(refused.size()).as("5 failures open the circuit, then one probe per 10 s").isBetween(6, 25);
        awaitCommitted("outage-429", alerts.size());

        long first = accepted.get(0).atNanos();
        long last = accepted.get(accepted.size() - 1).atNanos();
        double perSecond = (accepted.size() - 1) / ((last - first) / 1e9);
        System.out.printf("429 outage of %d s: %d refused requests; first delivery %.1f s after the outage, then "
                        + "%d alerts in %.3f s = %.0f alerts/s%n", outage.toSeconds(), refused.size(),
                (first - outageEnds) / 1e9, accepted.size(), (last - first) / 1e9, perSecond);
        assertThat(perSecond).as("backlog drain rate, alerts/s").isGreaterThanOrEqualTo(50);
    }

    @Test
    void aWebhookAnswering500ForeverSendsEveryAlertToTheDlqAtTheMaximumAgeAndTheFileStillGetsThemAll()
            throws Exception {
        List<Hit> hits = new CopyOnWriteArrayList<>();
        HttpServer server = webhookServer(0, n -> 500, Duration.ZERO, hits);
        Path file = dir.resolve("all.jsonl");
        AlertsService service = start(config("always-500").with(ConfigKeys.ALERTS_DELIVERY_MAX_AGE, "2s")
                .with(ConfigKeys.ALERTS_DELIVERY_CIRCUIT_FAILURES, "3")
                .with(ConfigKeys.ALERTS_DELIVERY_CIRCUIT_PROBE_DELAY, "500ms"), webhook(server),
                new JsonlFileReceiver(file));
        List<Alert> alerts = alerts("failing", 4);
        produce(alerts);

        await().atMost(WAIT).until(() -> readAll(Topics.ALERTS_DLQ.name()).size() == alerts.size());
        // 3 failures open the circuit; then each alert waits 2 s with a probe every 500 ms (the backoff alone,
        // 200 ms doubling, would have sent about 40 requests in those 8 s)
        assertThat(hits.size()).isBetween(alerts.size() + 2, 30);
        List<ConsumerRecord<byte[], byte[]>> letters = readAll(Topics.ALERTS_DLQ.name());
        assertThat(letters).extracting(r -> SERDE.fromBytes(r.value())).containsExactlyElementsOf(alerts);
        assertThat(letters).allSatisfy(r -> {
            assertThat(DeadLetterHeaders.get(r.headers(), DeadLetterHeaders.RECEIVER))
                    .isEqualTo(webhook(server).name());
            assertThat(DeadLetterHeaders.get(r.headers(), DeadLetterHeaders.ERROR_MESSAGE)).contains("500")
                    .contains("age limit");
        });
        assertThat(readFile(file)).containsExactlyElementsOf(alerts);
        awaitCommitted("always-500", alerts.size());
        assertThat(service.deliveredCount()).isZero();
    }

    @Test
    void anAlertOlderThanTheMaximumAgeGoesToTheDlqWhileItsReceiverIsDown() throws Exception {
        List<Hit> hits = new CopyOnWriteArrayList<>();
        HttpServer server = webhookServer(0, n -> 503, Duration.ZERO, hits);
        start(config("too-old").with(ConfigKeys.ALERTS_DELIVERY_MAX_AGE, "3s"), webhook(server));
        produce(alerts("old", 1));

        await().atMost(WAIT).until(() -> readAll(Topics.ALERTS_DLQ.name()).size() == 1);
        assertThat(DeadLetterHeaders.get(readAll(Topics.ALERTS_DLQ.name()).get(0).headers(),
                DeadLetterHeaders.ERROR_MESSAGE)).contains("age limit");
        assertThat(hits.size()).isBetween(2, 20);
        awaitCommitted("too-old", 1);
    }

    @Test
    void retryAfterIsHonouredEvenBeyondTheBackoffCap() throws Exception {
        List<Hit> hits = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger n = new AtomicInteger();
        server.createContext("/", exchange -> {
            hits.add(new Hit(System.nanoTime(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    JSON.readTree(exchange.getRequestBody().readAllBytes())));
            if (n.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "3");
                exchange.sendResponseHeaders(429, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
        toClose.add(() -> server.stop(0));
        AlertsService service = start(config("throttled").with(ConfigKeys.ALERTS_DELIVERY_BACKOFF_MAX, "500ms"),
                webhook(server));
        produce(alerts("throttled", 1));

        await().atMost(WAIT).until(() -> service.deliveredCount() == 1);
        assertThat(hits).hasSize(2);
        Duration between = Duration.ofNanos(hits.get(1).atNanos() - hits.get(0).atNanos());
        assertThat(between).as("the receiver asked for 3 s").isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        assertThat(hits.get(1).idempotencyKey()).isEqualTo(hits.get(0).idempotencyKey());
    }

    @Test
    void aSlowWebhookDelaysNoOtherReceiver() throws Exception {
        List<Hit> hits = new CopyOnWriteArrayList<>();
        HttpServer server = webhookServer(0, n -> 200, Duration.ofSeconds(4), hits);
        Path file = dir.resolve("fast.jsonl");
        start(config("slow"), webhook(server), new JsonlFileReceiver(file));
        List<Alert> alerts = alerts("slow", 5);
        long t0 = System.nanoTime();
        produce(alerts);

        await().atMost(WAIT).until(() -> readFile(file).size() == alerts.size());
        Duration fileTook = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(hits.size()).as("the webhook takes 4 s per alert").isLessThanOrEqualTo(1);
        assertThat(fileTook).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aRestartMidDeliveryLosesNothingAndSendsNothingTwice() throws Exception {
        List<Hit> hits = new CopyOnWriteArrayList<>();
        HttpServer server = webhookServer(0, n -> 200, Duration.ofMillis(250), hits);
        List<Alert> alerts = alerts("restart", 16);
        produce(alerts);
        AlertsService first = new AlertsService(config("restart"), kafkaProps, List.of(webhook(server)));
        first.start();
        await().atMost(WAIT).until(() -> hits.size() >= 5);
        first.close();
        int beforeRestart = hits.size();
        assertThat(beforeRestart).isLessThan(alerts.size());

        start(config("restart"), webhook(server));
        await().atMost(WAIT).until(() -> keys(hits).stream().distinct().count() == alerts.size());
        Thread.sleep(1000); // a duplicate would come right after
        assertThat(keys(hits)).as("every alert exactly once across the restart").hasSize(alerts.size())
                .doesNotHaveDuplicates();
    }

    @Test
    void deliveryRecordsOutliveTheConsumerGroupSoANewGroupSendsNothingTwice() throws Exception {
        List<Hit> hits = new CopyOnWriteArrayList<>();
        HttpServer server = webhookServer(0, n -> 200, Duration.ZERO, hits);
        List<Alert> alerts = alerts("ledger", 6);
        produce(alerts);
        AlertsService first = new AlertsService(config("ledger-a"), kafkaProps, List.of(webhook(server)));
        first.start();
        await().atMost(WAIT).until(() -> first.deliveredCount() == alerts.size());
        first.close();

        // a group that has committed nothing reads every alert again, as after a crash before any commit
        AlertsService second = start(config("ledger-b"), webhook(server));
        await().atMost(WAIT).until(() -> second.alreadyDeliveredCount() == alerts.size());
        awaitCommitted("ledger-b", alerts.size());
        assertThat(hits).hasSize(alerts.size());
    }

    @Test
    void aGroupingRouteSendsTheAlertsThatArriveWithinGroupWaitAsOneMessage() throws Exception {
        List<Hit> hits = new CopyOnWriteArrayList<>();
        HttpServer server = webhookServer(0, n -> 200, Duration.ZERO, hits);
        Subscriptions subs = Subscriptions.parse("""
                receivers:
                  - {name: team, type: webhook, url: 'http://127.0.0.1:%d/hook', allow_loopback: 'true'}
                route:
                  receiver: team
                  group_by: [rule]
                  group_wait: 2s
                  group_interval: 1m
                """.formatted(server.getAddress().getPort()), "subs.yaml");
        AlertsService service = new AlertsService(config("grouped"), kafkaProps,
                DeliveryPlan.routed(subs, new ReceiverFactory(System.out).build(subs)));
        toClose.add(service);
        service.start();
        List<Alert> alerts = alerts("grouped", 4);
        produce(alerts);

        await().atMost(WAIT).until(() -> service.deliveredCount() == alerts.size());
        assertThat(hits).as("one message for the group").hasSize(1);
        JsonNode body = hits.get(0).body();
        assertThat(body.path("kind").asText()).isEqualTo("group");
        assertThat(body.path("group").asText()).isEqualTo("rule=sanctions-violation");
        assertThat(body.path("alerts")).hasSize(alerts.size());
        assertThat(hits.get(0).idempotencyKey()).isEqualTo(body.path("key").asText());
        awaitCommitted("grouped", alerts.size());
    }

    @Test
    void aReDrivenDeadLetterReachesOnlyTheReceiverThatMissedIt() throws Exception {
        List<Hit> hits = new CopyOnWriteArrayList<>();
        AtomicInteger status = new AtomicInteger(500);
        HttpServer server = webhookServer(0, n -> status.get(), Duration.ZERO, hits);
        Path file = dir.resolve("file.jsonl");
        start(config("redrive").with(ConfigKeys.ALERTS_DELIVERY_MAX_AGE, "1s"), webhook(server),
                new JsonlFileReceiver(file));
        Alert alert = alerts("redrive", 1).get(0);
        produce(List.of(alert));
        await().atMost(WAIT).until(() -> readAll(Topics.ALERTS_DLQ.name()).size() == 1);
        assertThat(readFile(file)).containsExactly(alert);

        status.set(200);
        int before = hits.size();
        ConsumerRecord<byte[], byte[]> letter = readAll(Topics.ALERTS_DLQ.name()).get(0);
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), 0, letter.key(), letter.value())).get();
        }
        await().atMost(WAIT).until(() -> hits.size() == before + 1
                && hits.get(before).body().path("id").asText().equals(alert.id()));
        Thread.sleep(500);
        assertThat(readFile(file)).as("the file had it already: not sent again").containsExactly(alert);
    }

    // --- fixtures

    private static <T> List<T> reversed(List<T> list) {
        List<T> r = new ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    }

    private NewswatchConfig config(String group) {
        return NewswatchConfig.defaults().with(ConfigKeys.ALERTS_GROUP_ID, group);
    }

    private AlertsService start(NewswatchConfig config, AlertReceiver... receivers) {
        AlertsService service = new AlertsService(config, kafkaProps, List.of(receivers));
        toClose.add(service);
        service.start();
        return service;
    }

    private static WebhookReceiver webhook(HttpServer server) {
        return webhook(server.getAddress().getPort());
    }

    private static WebhookReceiver webhook(int port) {
        return new WebhookReceiver(URI.create("http://127.0.0.1:" + port + "/hook"), Duration.ofSeconds(10),
                OutboundUrlPolicy.defaults().allowingLoopback());
    }

    /** A webhook answering {@code status.apply(n)} to its n-th request (from 1), after {@code delay}. */
    private HttpServer webhookServer(int port, IntFunction<Integer> status, Duration delay, List<Hit> hits)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger n = new AtomicInteger();
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int code = status.apply(n.incrementAndGet());
            hits.add(new Hit(System.nanoTime(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    JSON.readTree(body)));
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        toClose.add(() -> server.stop(0));
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static List<String> keys(List<Hit> hits) {
        return hits.stream().filter(h -> h.idempotencyKey() != null).map(Hit::idempotencyKey).toList();
    }

    private static List<Alert> alerts(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> TestAlerts.sanctions(prefix + "-" + i)).toList();
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

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties p = (Properties) kafkaProps.clone();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            while (c.position(tp) < end) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static List<Alert> readFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().map(l -> SERDE.fromBytes(l.getBytes(UTF_8))).toList();
    }

    private void awaitCommitted(String group, long offset) {
        try (Admin admin = Admin.create(kafkaProps)) {
            await().atMost(WAIT).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                assertThat(committed.get(ALERTS_0)).isNotNull();
                assertThat(committed.get(ALERTS_0).offset()).isGreaterThanOrEqualTo(offset);
            });
        }
    }
}
