package io.newswatch.broker.internal;

import io.newswatch.broker.BrokerStartException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

/**
 * One combined broker+controller KRaft node running in this JVM ({@code kafka.server.KafkaRaftServer}), as
 * described in KIP-500 and the Kafka 4.3 operations guide (https://kafka.apache.org/43/operations/kraft/).
 * {@link #stop()} may be called from another thread while {@link #start()} waits for its quorum.
 */
public final class KafkaNode {

    private final NodeSettings settings;
    private final String clusterId;
    private KafkaRaftServer server;
    private boolean ready;

    /**
     * @param settings  identity, ports and directory of the node
     * @param clusterId cluster id written by the first format; ignored when the directory is already formatted
     */
    public KafkaNode(NodeSettings settings, String clusterId) {
        this.settings = settings;
        this.clusterId = clusterId;
    }

    public NodeSettings settings() {
        return settings;
    }

    /** Whether the node finished starting and has not been stopped since. */
    public synchronized boolean isRunning() {
        return ready;
    }

    /**
     * Formats the log directory if it is new, then starts the node and blocks until its broker is unfenced and
     * serving requests (for a multi-node quorum that needs a majority of voters running, so start those in
     * parallel). Does nothing if the node is already started or starting.
     *
     * @throws BrokerStartException with a one-line cause; the node is shut down again before it is thrown
     */
    public void start() {
        KafkaRaftServer starting;
        synchronized (this) {
            if (server != null) {
                return;
            }
            try {
                formatStorage();
                starting = new KafkaRaftServer(new KafkaConfig(settings.brokerConfig(), false), Time.SYSTEM);
            } catch (Exception e) {
                throw failure(e);
            }
            // published before startup() so that stop() can reach a node still waiting for its quorum
            server = starting;
        }
        try {
            starting.startup();
        } catch (RuntimeException e) {
            stop();
            throw failure(e);
        }
        synchronized (this) {
            ready = server == starting;
        }
    }

    /**
     * Graceful shutdown (controlled shutdown hands partition leadership to other nodes), also of a node still
     * starting; idempotent.
     */
    public void stop() {
        KafkaRaftServer stopping;
        synchronized (this) {
            stopping = server;
            server = null;
            ready = false;
        }
        if (stopping != null) {
            stopping.shutdown();
            stopping.awaitShutdown();
        }
    }

    private void formatStorage() throws Exception {
        Files.createDirectories(settings.logDir());
        String dir = settings.logDir().toString();
        new Formatter()
                // the Formatter reports progress on System.out by default; an embedded broker must stay silent
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(settings.nodeId())
                .setClusterId(clusterId)
                .setDirectories(List.of(dir))
                .setMetadataLogDirectory(dir)
                .setControllerListenerName(NodeSettings.CONTROLLER_LISTENER)
                .setIgnoreFormatted(true)
                .run();
    }

    private BrokerStartException failure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse(""));
        return new BrokerStartException("embedded Kafka node " + settings.nodeId() + " on port "
                + settings.brokerPort() + " failed to start: " + reason, e);
    }
}
