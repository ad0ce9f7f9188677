package io.newswatch.broker;

import io.newswatch.broker.internal.DataDirectories;
import io.newswatch.broker.internal.KafkaNode;
import io.newswatch.broker.internal.LocalPorts;
import io.newswatch.broker.internal.NodeSettings;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Several real Apache Kafka 4.3 KRaft nodes in this JVM, each with the combined broker+controller roles, forming
 * one cluster with an N-voter static quorum (KIP-500, https://kafka.apache.org/43/operations/kraft/), all on
 * 127.0.0.1. Meant for replication and fail-over tests: nodes can be stopped gracefully and restarted on the same
 * ports and data directory.
 *
 * <p>Topic defaults: replication factor min(N, 3) for new and internal topics, min ISR one less (at least 1), so
 * a three-node cluster runs RF 3 / min ISR 2 and keeps accepting acks=all writes with one node down;
 * {@code auto.create.topics.enable=false}. Node {@code index} 0..N-1 has node (broker) id {@code index + 1} and
 * keeps its data in {@code baseDir/node-<id>}, which is not deleted on close.
 *
 * <p>Methods are synchronized: stop, restart and close of nodes never interleave.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    // a node waits for a quorum majority; more than this means the quorum cannot form
    private static final long START_TIMEOUT_SECONDS = 60;

    private final List<KafkaNode> nodes;
    private boolean closed;

    private EmbeddedKafkaCluster(List<KafkaNode> nodes) {
        this.nodes = nodes;
    }

    /**
     * Starts {@code nodes} nodes in parallel (none can finish starting before a quorum majority runs) and returns
     * once every broker serves requests. Directories already formatted by an earlier run are reused with their
     * cluster id; ports are chosen free each start.
     *
     * @param nodes   number of nodes, at least 1
     * @param baseDir parent of the per-node data directories
     * @throws BrokerStartException with a one-line cause if any node fails or the quorum does not form within
     *                              60 s; every node already started is stopped again
     */
    public static EmbeddedKafkaCluster start(int nodes, Path baseDir) {
        if (nodes < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, got " + nodes);
        }
        Objects.requireNonNull(baseDir, "baseDir");
        long began = System.nanoTime();
        int[] ports = LocalPorts.pickFree(2 * nodes);
        int[] controllerPorts = new int[nodes];
        System.arraycopy(ports, nodes, controllerPorts, 0, nodes);
        String voters = NodeSettings.staticQuorum(controllerPorts);

        List<NodeSettings> settings = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Path logDir = baseDir.toAbsolutePath().resolve("node-" + (i + 1));
            settings.add(new NodeSettings(i + 1, ports[i], controllerPorts[i], logDir, voters, nodes));
        }
        String clusterId = settings.stream()
                .map(s -> DataDirectories.existingClusterId(s.logDir()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() -> Uuid.randomUuid().toString());
        List<KafkaNode> kafkaNodes = settings.stream().map(s -> new KafkaNode(s, clusterId)).toList();

        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(kafkaNodes);
        try {
            cluster.inParallel(kafkaNodes, KafkaNode::start, START_TIMEOUT_SECONDS);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.info("embedded Kafka cluster of {} nodes ready at {} in {} ms (data dir {})", nodes,
                cluster.bootstrapServers(), (System.nanoTime() - began) / 1_000_000, baseDir.toAbsolutePath());
        return cluster;
    }

    /** Comma-separated {@code 127.0.0.1:port} of every running node, for {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        return nodes.stream()
                .filter(KafkaNode::isRunning)
                .map(node -> node.settings().bootstrapAddress())
                .collect(Collectors.joining(","));
    }

    /** Number of nodes, running or stopped. */
    public int size() {
        return nodes.size();
    }

    /** The node (broker) id of the node at {@code index}: {@code index + 1}. */
    public int nodeId(int index) {
        return node(index).settings().nodeId();
    }

    /** The index of the node with broker id {@code nodeId}, e.g. a partition leader reported by the Admin client. */
    public int indexOfNode(int nodeId) {
        node(nodeId - 1);
        return nodeId - 1;
    }

    /** Whether the node at {@code index} is running. */
    public synchronized boolean isRunning(int index) {
        return node(index).isRunning();
    }

    /**
     * Gracefully stops one node: its broker hands partition leadership to the others (controlled shutdown), then
     * its controller leaves the quorum. Stopping a stopped node does nothing.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not 0..size()-1
     */
    public synchronized void stopNode(int index) {
        KafkaNode node = node(index);
        long began = System.nanoTime();
        node.stop();
        LOG.info("stopped node {} in {} ms", node.settings().nodeId(), (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * Starts a stopped node again on its original ports and data directory (other voters know its controller
     * port) and waits until its broker serves requests. A running node is left as is.
     *
     * @throws BrokerStartException if one of its ports has been taken meanwhile or it cannot rejoin within 60 s
     */
    public synchronized void restartNode(int index) {
        KafkaNode node = node(index);
        if (node.isRunning()) {
            return;
        }
        LocalPorts.requireFree(node.settings().brokerPort());
        LocalPorts.requireFree(node.settings().controllerPort());
        long began = System.nanoTime();
        inParallel(List.of(node), KafkaNode::start, START_TIMEOUT_SECONDS);
        LOG.info("restarted node {} at {} in {} ms", node.settings().nodeId(), node.settings().bootstrapAddress(),
                (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * Stops every running node, all at once: each broker's controlled shutdown needs a live controller quorum,
     * which stopping them one after another would dissolve before the last one finished. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        inParallel(nodes, KafkaNode::stop, Long.MAX_VALUE);
    }

    private KafkaNode node(int index) {
        Objects.checkIndex(index, nodes.size());
        return nodes.get(index);
    }

    private void inParallel(List<KafkaNode> targets, Consumer<KafkaNode> action, long timeoutSeconds) {
        if (targets.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(targets.size(), runnable -> {
            Thread thread = new Thread(runnable, "embedded-kafka-cluster-control");
            // a node stuck waiting for a quorum must not keep the JVM alive
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = targets.stream()
                    .<Future<?>>map(node -> pool.submit(() -> action.accept(node)))
                    .toList();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(timeoutSeconds, 86_400));
            for (Future<?> future : futures) {
                awaitNode(future, deadline);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitNode(Future<?> future, long deadlineNanos) {
        try {
            future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new BrokerStartException("embedded Kafka node failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerStartException("embedded Kafka cluster did not form a controller quorum in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for an embedded Kafka node");
        }
    }
}
