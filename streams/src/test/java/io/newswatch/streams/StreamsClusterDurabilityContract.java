package io.newswatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.Tagger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.NotEnoughReplicasAfterAppendException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology on a three-broker cluster. Our topics and Kafka Streams' internal ones carry replication factor 3
 * and {@code min.insync.replicas} 2 as their own setting (not the broker's default, which on a real cluster is 1).
 * With one broker down, producing and tagging go on; with two down, an {@code acks=all} write is refused with
 * {@code NotEnoughReplicas} and the producer keeps retrying, acknowledging nothing it could lose; once the brokers
 * are back every article is tagged exactly once.
 *
 * <p>Which cluster is a subclass's choice, through the three methods below and nothing else:
 * {@link StreamsClusterDurabilityIntegrationTest} (in this JVM) and {@link StreamsClusterDurabilityOnKafkaImageTest}
 * (the official image, through Testcontainers). A cluster named by {@code -Dnewswatch.it.bootstrap} cannot run it:
 * the test would have to stop its brokers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StreamsClusterDurabilityContract {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsClusterDurabilityContract.class);
    private static final Instant T0 = Instant.parse("2026-04-06T06:00:00Z");
    private static final String APP_ID = "newswatch-durable";
    private static final int PER_PHASE = 20;

    private static Article item(int i) {
        return Article.of("https://wire.example/durable/" + i, "wire", "Item " + i, null, T0.plusSeconds(i),
                T0.plusSeconds(i), "en", "Customs officers in Nakhodka inspected container " + i + " on day " + i
                        + ".");
    }

    /**
     * Bootstrap servers of a running cluster of three empty brokers with node ids 1, 2 and 3, naming every node:
     * asked once, and used on while some of them are stopped.
     */
    abstract String bootstrapServers();

    /** Stops broker {@code nodeId} gracefully, as an operator would, and returns once it is down. */
    abstract void stopBroker(int nodeId);

    /**
     * Starts stopped broker {@code nodeId} again with its data and returns once it takes requests, which needs a
     * majority of the controller quorum: with two brokers down, the first one restarted makes it.
     */
    abstract void restartBroker(int nodeId);

    @Test
    @Timeout(300)
    void oneBrokerDownChangesNothingTwoDownRefusesWritesAndNothingIsLostOrDoubled(@TempDir Path state)
            throws Exception {
        String bootstrap = bootstrapServers();
        NewswatchConfig config = NewswatchConfig.defaults()
                .with(ConfigKeys.BOOTSTRAP_SERVERS, bootstrap)
                .with(ConfigKeys.STREAMS_APPLICATION_ID, APP_ID)
                .with(ConfigKeys.COMMIT_INTERVAL, "100ms")
                .with(ConfigKeys.STATE_DIR, state.toString());
        try (StreamsService service = new StreamsService(config, config.kafkaClientProperties(),
                Tagger.withDefaultRules());
             KafkaProducer<String, Article> producer = producer(bootstrap, Integer.MAX_VALUE, 120_000)) {
            service.start();
            int sent = 0;
            sent = produceAndAwait(producer, sent, bootstrap);
            assertDurableTopics(bootstrap);

            stopBroker(3);
            LOG.info("broker 3 stopped; producing on");
            sent = produceAndAwait(producer, sent, bootstrap);
            assertThat(service.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(TopicAdmin.weakMinInsyncReplicas(admin, List.of(Topics.ARTICLES, Topics.BENCH_RAW)))
                        .as("judged by the topic's own replication factor 3, not by the two brokers up")
                        .containsExactly(Map.entry(Topics.BENCH_RAW.name(), 1));
            }

            stopBroker(2);
            LOG.info("broker 2 stopped; one broker of three left");
            List<String> probes = new ArrayList<>();
            Throwable refusal = refusedWrite(bootstrap, probes);
            assertThat(refusal).as("an acks=all write with one in-sync replica is refused")
                    .isInstanceOfAny(NotEnoughReplicasException.class, NotEnoughReplicasAfterAppendException.class);
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            for (int i = sent; i < sent + PER_PHASE; i++) {
                Article a = item(i);
                pending.add(producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.id(), a)));
            }
            sent += PER_PHASE;
            Thread.sleep(3_000);
            assertThat(pending).as("nothing is acknowledged while it could be lost with the last broker")
                    .noneMatch(Future::isDone);

            restartBroker(2);
            restartBroker(3);
            LOG.info("brokers 2 and 3 back");
            for (Future<RecordMetadata> ack : pending) {
                ack.get(120, TimeUnit.SECONDS); // the producer's retries got them in
            }
            List<String> tagged = CommittedTopics.committedKeys(bootstrap, Topics.TAGGED, sent + probes.size(),
                    Duration.ofSeconds(120));
            List<String> expected = new ArrayList<>(probes);
            for (int i = 0; i < sent; i++) {
                expected.add(item(i).id());
            }
            assertThat(tagged).as("every article tagged exactly once").containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Sends the next {@link #PER_PHASE} articles, waits for their acks and for all sent so far to be tagged. */
    private static int produceAndAwait(KafkaProducer<String, Article> producer, int from, String bootstrap)
            throws Exception {
        for (int i = from; i < from + PER_PHASE; i++) {
            Article a = item(i);
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.id(), a)).get(60, TimeUnit.SECONDS);
        }
        int sent = from + PER_PHASE;
        List<String> tagged = CommittedTopics.committedKeys(bootstrap, Topics.TAGGED, sent, Duration.ofSeconds(60));
        assertThat(tagged).hasSize(sent).doesNotHaveDuplicates();
        return sent;
    }

    /**
     * Writes from a producer that does not retry until the broker refuses one (right after the stop the leader may
     * still count the stopped follower in sync), and returns the refusal.
     *
     * @param accepted collects the probe articles that were acknowledged before the refusal
     */
    private static Throwable refusedWrite(String bootstrap, List<String> accepted) {
        AtomicReference<Throwable> refusal = new AtomicReference<>();
        try (KafkaProducer<String, Article> once = producer(bootstrap, 0, 15_000)) {
            AtomicInteger probes = new AtomicInteger();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Article probe = item(-1 - probes.getAndIncrement());
                try {
                    once.send(new ProducerRecord<>(Topics.ARTICLES.name(), probe.id(), probe)).get(20, TimeUnit.SECONDS);
                    accepted.add(probe.id());
                    return false;
                } catch (ExecutionException e) {
                    refusal.set(e.getCause());
                    return e.getCause() instanceof NotEnoughReplicasException
                            || e.getCause() instanceof NotEnoughReplicasAfterAppendException;
                }
            });
        }
        LOG.info("write with two brokers down refused: {}", refusal.get().toString());
        return refusal.get();
    }

    /** Catalogue and internal topics: replication factor 3 and min.insync.replicas 2 set on the topic. */
    private static void assertDurableTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> internal = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(n -> n.startsWith(APP_ID + "-")).toList();
            assertThat(internal).as("Streams' changelogs").anyMatch(n -> n.endsWith("-changelog"));
            List<String> names = new ArrayList<>(internal);
            Topics.ALL.forEach(t -> names.add(t.name()));
            Collection<TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                    .get(30, TimeUnit.SECONDS).values();
            for (TopicDescription d : descriptions) {
                assertThat(d.partitions()).as(d.name()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            }
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
            configs.forEach((resource, cfg) -> {
                ConfigEntry minIsr = cfg.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
                assertThat(minIsr.source()).as(resource.name() + " sets min.insync.replicas itself")
                        .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
                assertThat(minIsr.value()).as(resource.name()).isEqualTo("2");
            });
            assertThat(TopicAdmin.weakMinInsyncReplicas(admin, Topics.ALL)).isEmpty();
            // a topic made by hand without it is reported (what `newswatch topics --check` prints)
            admin.createTopics(List.of(new NewTopic(Topics.BENCH_RAW.name(), 1, (short) 3))).all()
                    .get(30, TimeUnit.SECONDS);
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC,
                    Topics.BENCH_RAW.name()), List.of(new AlterConfigOp(new ConfigEntry(
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"), AlterConfigOp.OpType.SET)))).all()
                    .get(30, TimeUnit.SECONDS);
            assertThat(TopicAdmin.weakMinInsyncReplicas(admin, List.of(Topics.ARTICLES, Topics.BENCH_RAW)))
                    .containsExactly(Map.entry(Topics.BENCH_RAW.name(), 1));
        }
    }

    private static KafkaProducer<String, Article> producer(String bootstrap, int retries, int deliveryTimeoutMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.RETRIES_CONFIG, retries);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, retries > 0);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryTimeoutMs, 10_000));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p, Topics.ARTICLES.keySerde().serializer(),
                Topics.ARTICLES.valueSerde().serializer());
    }
}
