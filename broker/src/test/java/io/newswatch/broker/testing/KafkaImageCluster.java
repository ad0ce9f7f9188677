package io.newswatch.broker.testing;

import com.github.dockerjava.api.exception.NotModifiedException;
import io.newswatch.broker.internal.LocalPorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * N nodes of the official {@code apache/kafka} image, each a combined broker+controller KRaft node, in one Docker
 * network, run by Testcontainers: the broker a deployment runs, outside this JVM. Shaped like
 * {@link io.newswatch.broker.EmbeddedKafkaCluster} so one fail-over scenario runs on both: node ids 1..N, a static
 * quorum of all N, replication factor min(N, 3) for new and internal topics, {@code min.insync.replicas} one less
 * (at least 1), no automatic topic creation.
 *
 * <p>Listeners: {@code PLAINTEXT} for the clients of this JVM, published on a host port and advertised as
 * {@code host:port}; {@code BROKER} (replication) and {@code CONTROLLER} (the quorum) inside the network, under
 * each node's network alias {@code kafka-<id>}.
 *
 * <p>{@link #stopNode} is {@code docker stop}: the image's start scripts {@code exec} down to the JVM, so the
 * broker is the container's main process, gets the SIGTERM and shuts down in a controlled way (a SIGKILL follows
 * only after 60 s). {@link #restartNode} is {@code docker start} of the same container, which keeps its data and
 * identity. Docker gives a restarted container new ephemeral host ports, which would leave the advertised client
 * address pointing nowhere, so each node's client port is published on a fixed host port, picked free on this
 * machine at start. That assumes the Docker engine publishes ports on this machine, as a local engine and Docker
 * Desktop do; with a remote engine the chosen port may be taken there, and the start fails saying so.
 *
 * <p>Without a Docker engine nothing here can run: test classes using it carry
 * {@code @Testcontainers(disabledWithoutDocker = true)}. Methods are synchronized.
 */
public final class KafkaImageCluster implements AutoCloseable {

    /**
     * The image of the Kafka version the build pins, taken from the Kafka client on the classpath so that the
     * version is written in one place only (the parent POM).
     */
    public static final String IMAGE = "apache/kafka:" + AppInfoParser.getVersion();

    private static final Logger LOG = LoggerFactory.getLogger(KafkaImageCluster.class);
    private static final int CLIENT_PORT = 9092;
    private static final int BROKER_PORT = 9093;
    private static final int CONTROLLER_PORT = 9094;
    // the first start may pull the image; a node waits for a quorum majority before it reports ready
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration NODE_READY_TIMEOUT = Duration.ofMinutes(2);
    private static final int STOP_GRACE_SECONDS = 60;
    private static final int LOG_LINES_ON_FAILURE = 30;

    private final Network network;
    private final List<GenericContainer<?>> nodes;
    private final String bootstrapServers;
    private boolean closed;

    private KafkaImageCluster(Network network, List<GenericContainer<?>> nodes, String bootstrapServers) {
        this.network = network;
        this.nodes = nodes;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts {@code size} nodes together (none is ready before a quorum majority runs) and returns once every
     * broker has been unfenced.
     *
     * @throws IllegalStateException if a node fails or the cluster is not ready within 5 minutes; every container
     *                               already created is removed again
     */
    public static KafkaImageCluster start(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, got " + size);
        }
        long began = System.nanoTime();
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        int[] hostPorts = LocalPorts.pickFree(size);
        String voters = IntStream.rangeClosed(1, size)
                .mapToObj(id -> id + "@" + alias(id) + ":" + CONTROLLER_PORT)
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        Network network = Network.newNetwork();
        List<GenericContainer<?>> nodes = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            nodes.add(node(id, size, host, hostPorts[id - 1], voters, clusterId, network));
        }
        String bootstrap = IntStream.of(hostPorts).mapToObj(port -> host + ":" + port)
                .collect(Collectors.joining(","));
        KafkaImageCluster cluster = new KafkaImageCluster(network, nodes, bootstrap);
        try {
            Startables.deepStart(nodes).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cluster.close();
            throw new IllegalStateException("interrupted while starting the " + IMAGE + " cluster", e);
        } catch (ExecutionException | TimeoutException e) {
            cluster.close();
            throw new IllegalStateException("the " + size + "-node " + IMAGE + " cluster did not start: " + e, e);
        }
        LOG.info("{} cluster of {} nodes ready at {} in {} ms", IMAGE, size, bootstrap,
                (System.nanoTime() - began) / 1_000_000);
        return cluster;
    }

    /**
     * Comma-separated {@code host:port} of every node's client listener, stopped nodes included: the addresses
     * stay the same across {@link #restartNode}, and clients skip the ones that do not answer.
     */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Number of nodes, running or stopped. */
    public int size() {
        return nodes.size();
    }

    /**
     * Stops node {@code nodeId} as {@code docker stop} does and returns once its container has exited. Stopping a
     * stopped node does nothing.
     *
     * @throws IndexOutOfBoundsException if there is no node {@code nodeId}
     */
    public synchronized void stopNode(int nodeId) {
        GenericContainer<?> node = node(nodeId);
        long began = System.nanoTime();
        try {
            node.getDockerClient().stopContainerCmd(node.getContainerId()).withTimeout(STOP_GRACE_SECONDS).exec();
        } catch (NotModifiedException alreadyStopped) {
            return;
        }
        LOG.info("stopped node {} in {} ms", nodeId, (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * Starts the stopped container of node {@code nodeId} again and waits until the cluster lists the node among
     * its live (unfenced) brokers. A running node is left as is.
     *
     * @throws IllegalStateException naming the node and quoting the end of its log, if it has not rejoined
     *                               within 2 minutes
     */
    public synchronized void restartNode(int nodeId) {
        GenericContainer<?> node = node(nodeId);
        if (node.isRunning()) {
            return;
        }
        long began = System.nanoTime();
        node.getDockerClient().startContainerCmd(node.getContainerId()).exec();
        awaitLiveBroker(nodeId, node);
        LOG.info("restarted node {} in {} ms", nodeId, (System.nanoTime() - began) / 1_000_000);
    }

    /** Removes every container, then the network. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // the containers go at once: there is no data to keep, so no controlled shutdown to wait for
        nodes.forEach(GenericContainer::stop);
        network.close();
    }

    private GenericContainer<?> node(int nodeId) {
        Objects.checkIndex(nodeId - 1, nodes.size());
        return nodes.get(nodeId - 1);
    }

    private static String alias(int nodeId) {
        return "kafka-" + nodeId;
    }

    private static GenericContainer<?> node(int id, int size, String host, int hostPort, String voters,
                                            String clusterId, Network network) {
        int replication = Math.min(size, 3);
        String replicationFactor = Integer.toString(replication);
        String minIsr = Integer.toString(Math.max(1, replication - 1));
        // the image turns KAFKA_SOME_KEY into some.key; these mirror the embedded cluster's NodeSettings
        Map<String, String> env = new HashMap<>();
        env.put("CLUSTER_ID", clusterId);
        env.put("KAFKA_NODE_ID", Integer.toString(id));
        env.put("KAFKA_PROCESS_ROLES", "broker,controller");
        env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", voters);
        env.put("KAFKA_LISTENERS", "PLAINTEXT://0.0.0.0:" + CLIENT_PORT + ",BROKER://0.0.0.0:" + BROKER_PORT
                + ",CONTROLLER://0.0.0.0:" + CONTROLLER_PORT);
        env.put("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + host + ":" + hostPort + ",BROKER://" + alias(id)
                + ":" + BROKER_PORT);
        env.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT");
        env.put("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER");
        env.put("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");
        env.put("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        env.put("KAFKA_NUM_PARTITIONS", "1");
        env.put("KAFKA_DEFAULT_REPLICATION_FACTOR", replicationFactor);
        env.put("KAFKA_MIN_INSYNC_REPLICAS", minIsr);
        env.put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", replicationFactor);
        env.put("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "10");
        env.put("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", replicationFactor);
        env.put("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", minIsr);
        env.put("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "10");
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", replicationFactor);
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", minIsr);
        env.put("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        env.put("KAFKA_BROKER_HEARTBEAT_INTERVAL_MS", "500");
        env.put("KAFKA_BROKER_SESSION_TIMEOUT_MS", "6000");
        // the start script's default is a fixed 1 GiB heap per broker; the tests' few thousand records need far less
        env.put("KAFKA_HEAP_OPTS", "-Xmx512m");

        GenericContainer<?> node = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withNetwork(network)
                .withNetworkAliases(alias(id))
                .withExposedPorts(CLIENT_PORT)
                .withEnv(env)
                // logged by a broker once the controller has unfenced it: it takes client requests from then on
                .waitingFor(Wait.forLogMessage(".*Transitioning from RECOVERY to RUNNING.*", 1)
                        .withStartupTimeout(NODE_READY_TIMEOUT));
        // a fixed host port survives docker stop/start; a published ephemeral one would change on restart
        node.setPortBindings(List.of(hostPort + ":" + CLIENT_PORT));
        return node;
    }

    private void awaitLiveBroker(int nodeId, GenericContainer<?> node) {
        long deadline = System.nanoTime() + NODE_READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (System.nanoTime() < deadline) {
                if (liveBrokerIds(admin).contains(nodeId)) {
                    return;
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for node " + nodeId + " to rejoin", e);
        }
        List<String> log = node.getLogs().lines().toList();
        throw new IllegalStateException("node " + nodeId + " of the " + IMAGE + " cluster did not rejoin within "
                + NODE_READY_TIMEOUT.toSeconds() + " s; the end of its log:\n"
                + String.join("\n", log.subList(Math.max(0, log.size() - LOG_LINES_ON_FAILURE), log.size())));
    }

    /** The brokers the cluster's metadata lists as live, or none while no broker answers. */
    private static List<Integer> liveBrokerIds(Admin admin) throws InterruptedException {
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes()
                    .get(10, TimeUnit.SECONDS).stream().map(Node::id).toList();
        } catch (ExecutionException | TimeoutException notYet) {
            return List.of();
        }
    }
}
