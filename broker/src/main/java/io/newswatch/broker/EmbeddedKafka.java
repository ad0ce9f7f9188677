package io.newswatch.broker;

import io.newswatch.broker.internal.DataDirectories;
import io.newswatch.broker.internal.KafkaNode;
import io.newswatch.broker.internal.LocalPorts;
import io.newswatch.broker.internal.NodeSettings;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real single-node Apache Kafka 4.3 broker running inside this JVM: one KRaft node with the combined
 * broker+controller roles (KIP-500, https://kafka.apache.org/43/operations/kraft/), a static one-voter quorum,
 * listening on 127.0.0.1 only. Its data directory is formatted on first use and reused afterwards, so a broker
 * restarted on the same directory (even on other ports) keeps every topic and record.
 *
 * <p>Broker defaults chosen for a single node: replication factor 1 and min ISR 1 for all topics including the
 * offsets, transaction-state and share-coordinator topics; {@code group.initial.rebalance.delay.ms=0};
 * {@code auto.create.topics.enable=false} (create topics explicitly, e.g. with {@code TopicAdmin.ensureTopics}).
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary())) {
 *     producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaNode node;
    private final BrokerOptions options;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaNode node, BrokerOptions options) {
        this.node = node;
        this.options = options;
    }

    /**
     * Starts the broker and returns once it accepts produce requests.
     *
     * @param options port (0 = free), data directory, and whether to delete it on close
     * @return the running broker; close it to stop it
     * @throws BrokerStartException "port N is already in use" when the requested port is taken (checked before
     *                              Kafka starts), or a one-line cause for any other failure; nothing is left running
     */
    public static EmbeddedKafka start(BrokerOptions options) {
        long began = System.nanoTime();
        if (options.port() != 0) {
            LocalPorts.requireFree(options.port());
        }
        int[] free = LocalPorts.pickFree(2);
        int brokerPort = options.port() != 0 ? options.port() : free[0];
        int controllerPort = free[0] == brokerPort ? free[1] : free[0];
        Path dataDir = options.dataDir().toAbsolutePath();
        NodeSettings settings = new NodeSettings(1, brokerPort, controllerPort, dataDir,
                NodeSettings.staticQuorum(new int[] {controllerPort}), 1);
        String clusterId = DataDirectories.existingClusterId(dataDir).orElseGet(() -> Uuid.randomUuid().toString());
        KafkaNode node = new KafkaNode(settings, clusterId);
        try {
            node.start();
        } catch (BrokerStartException e) {
            if (options.deleteOnClose()) {
                DataDirectories.deleteRecursively(dataDir);
            }
            throw e;
        }
        LOG.info("embedded Kafka ready at {} in {} ms (data dir {})", settings.bootstrapAddress(),
                (System.nanoTime() - began) / 1_000_000, dataDir);
        return new EmbeddedKafka(node, options);
    }

    /** {@code 127.0.0.1:<port>}, for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return node.settings().bootstrapAddress();
    }

    /** The client port actually bound (the chosen free port when the options said 0). */
    public int port() {
        return node.settings().brokerPort();
    }

    /** The log directory this broker writes to. */
    public Path dataDir() {
        return node.settings().logDir();
    }

    /**
     * Shuts the broker down and waits for it to finish, then deletes the data directory if the options asked for
     * it. Calling it again does nothing.
     *
     * @throws java.io.UncheckedIOException if the data directory cannot be deleted (the broker is stopped anyway)
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long began = System.nanoTime();
        node.stop();
        if (options.deleteOnClose()) {
            DataDirectories.deleteRecursively(dataDir());
        }
        LOG.info("embedded Kafka at {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - began) / 1_000_000);
    }
}
