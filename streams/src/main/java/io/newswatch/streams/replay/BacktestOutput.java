package io.newswatch.streams.replay;

import io.newswatch.model.topics.ClientProperties;
import io.newswatch.model.Alert;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.topology.OutputLimits;
import io.newswatch.streams.topology.RefusedRecords;
import io.newswatch.streams.topology.TopologyConfig;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics of one replay, {@code news.backtest.<name>.tagged} and {@code .alerts} ({@link Topics#backtestTopics}):
 * created for the replay, written with an idempotent {@code acks=all} producer, and removed again by
 * {@link #discard()} when the replay is cancelled or fails, so a replay leaves either its complete output or none.
 * A replay never writes anywhere else.
 *
 * <p>Failure behaviour: {@link #open} refuses a name whose topics exist already (unless asked to replace them), so
 * two replays never mix their output; a record larger than a record may carry (the producer's
 * {@code max.request.size}, default 1 MiB, less {@link OutputLimits#RECORD_OVERHEAD}) is left out with a WARN naming
 * its key and the replay goes on, as the live topology dead-letters it; a write the broker does not acknowledge
 * fails {@link #flush()} with {@link KafkaException}.
 */
public final class BacktestOutput implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestOutput.class);
    private static final Duration ADMIN_WAIT = Duration.ofSeconds(30);

    private final Properties kafkaProps;
    private final String clientId;
    private final String name;
    private final TopicSpec<String, TaggedArticle> tagged;
    private final TopicSpec<String, Alert> alerts;
    private final KafkaProducer<String, byte[]> producer;
    private final int maxRecordBytes;
    private volatile KafkaException failure;

    private BacktestOutput(Properties kafkaProps, String clientId, String name) {
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.clientId = clientId;
        this.name = name;
        this.tagged = Topics.backtestTagged(name);
        this.alerts = Topics.backtestAlerts(name);
        Properties p = ClientProperties.producer(kafkaProps, clientId + "-replay-write");
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(p, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        Object requestSize = p.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        this.maxRecordBytes = OutputLimits.of(TopologyConfig.DEFAULT_MAX_TEXT_CHARS, requestSize == null
                ? OutputLimits.KAFKA_DEFAULT_LIMIT : Integer.parseInt(requestSize.toString().strip()),
                new RefusedRecords()).maxRecordBytes();
    }

    /**
     * Creates the replay's topics and a producer for them.
     *
     * @param replace delete the topics of an earlier replay of that name first
     * @throws IllegalArgumentException when the name is invalid, or its topics exist and {@code replace} is false
     */
    public static BacktestOutput open(Properties kafkaProps, String clientId, String name, boolean replace) {
        List<TopicSpec<?, ?>> topics = Topics.backtestTopics(name);
        try (Admin admin = admin(kafkaProps, clientId)) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_WAIT.toSeconds(), TimeUnit.SECONDS);
            List<String> clash = topics.stream().map(TopicSpec::name).filter(existing::contains).toList();
            if (!clash.isEmpty()) {
                if (!replace) {
                    throw new IllegalArgumentException("a replay named '" + name + "' exists already (" + clash
                            + "): choose another --name, or --replace it");
                }
                delete(admin, clash);
            }
            TopicAdmin.ensureTopics(admin, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while creating the topics of replay " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot list or delete topics for replay " + name + ": " + e, e);
        }
        return new BacktestOutput(kafkaProps, clientId, name);
    }

    /** Sends a tagged article (keyed by article id). */
    public void tagged(TaggedArticle article) {
        tagged(article.article().id(), taggedRecord(article));
    }

    /**
     * A tagged article serialized as {@link #tagged(String, byte[])} sends it. Thread-safe, so that a replay's
     * workers serialize in parallel and only the sending stays in archive order.
     */
    public byte[] taggedRecord(TaggedArticle article) {
        return tagged.valueSerde().serializer().serialize(tagged.name(), article);
    }

    /** Sends a tagged article serialized by {@link #taggedRecord}, keyed by its article id. */
    public void tagged(String articleId, byte[] record) {
        send(tagged.name(), articleId, record);
    }

    /** Sends an alert (keyed by alert id). */
    public void alert(Alert alert) {
        send(alerts.name(), alert.id(), alerts.valueSerde().serializer().serialize(alerts.name(), alert));
    }

    private void send(String topic, String key, byte[] value) {
        if (failure != null) {
            throw failure;
        }
        if (value.length > maxRecordBytes) {
            // the live topology dead-letters such an article; a replay writes no dead letters, so it names it here
            LOG.warn("replay {}: {} left out of {}: its record ({} bytes) would be larger than the {} bytes a record"
                    + " may carry", name, key, topic, value.length, maxRecordBytes);
            return;
        }
        producer.send(new ProducerRecord<>(topic, key, value), (md, e) -> {
            if (e != null && failure == null) {
                failure = new KafkaException("writing to " + topic + " failed: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Waits until everything sent is acknowledged.
     *
     * @throws KafkaException when a write failed
     */
    public void flush() {
        producer.flush();
        if (failure != null) {
            throw failure;
        }
    }

    /** Drops what is unsent and deletes the replay's topics: nothing of a cancelled or failed replay stays. */
    public void discard() {
        producer.close(Duration.ZERO);
        try (Admin admin = admin(kafkaProps, clientId)) {
            delete(admin, Replay.topicNames(name));
            LOG.info("replay {} discarded: topics {} deleted", name, Replay.topicNames(name));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while deleting the topics of replay {}: {}", name, Replay.topicNames(name));
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.warn("could not delete the topics of replay {} ({}): {}", name, Replay.topicNames(name), e.toString());
        }
    }

    private static void delete(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(ADMIN_WAIT.toSeconds(), TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return;
        }
        admin.deleteTopics(present).all().get(ADMIN_WAIT.toSeconds(), TimeUnit.SECONDS);
        // deletion completes asynchronously on the broker; creating the same names at once could fail
        long deadline = System.nanoTime() + ADMIN_WAIT.toNanos();
        while (admin.listTopics().names().get(ADMIN_WAIT.toSeconds(), TimeUnit.SECONDS).stream()
                .anyMatch(present::contains)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topics " + present + " still listed after deletion");
            }
            Thread.sleep(100);
        }
    }

    private static Admin admin(Properties kafkaProps, String clientId) {
        Properties p = (Properties) kafkaProps.clone();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-replay-admin");
        return Admin.create(p);
    }

    /** Flushes and closes the producer; the topics stay. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
