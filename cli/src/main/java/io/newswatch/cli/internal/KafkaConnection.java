package io.newswatch.cli.internal;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster a command talks to: the configured one, or (for {@code run} and {@code demo} when none is
 * configured) an embedded broker this process starts and stops.
 */
public final class KafkaConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaConnection.class);
    /**
     * How long a one-shot command waits for the cluster to answer before it gives up: a broker that is up answers
     * in milliseconds, and Kafka's own default (a minute of silent retries) reads as a hang at a terminal.
     */
    static final Duration REACHABLE_WITHIN = Duration.ofSeconds(10);
    /**
     * How long a service waits for the cluster as it starts: as long as its topic check ({@code TopicAdmin}) would
     * wait next, so a broker that is still starting gets the same time as before, and a missing one is named.
     */
    static final Duration SERVICE_REACHABLE_WITHIN = Duration.ofSeconds(30);

    private final EmbeddedKafka embedded;
    private final NewswatchConfig config;
    /** Whether no cluster was configured and the local broker's address was taken. */
    private final boolean local;

    private KafkaConnection(NewswatchConfig config, EmbeddedKafka embedded) {
        this(config, embedded, false);
    }

    private KafkaConnection(NewswatchConfig config, EmbeddedKafka embedded, boolean local) {
        this.embedded = embedded;
        this.local = local;
        this.config = embedded == null ? config : config.with(ConfigKeys.BOOTSTRAP_SERVERS, embedded.bootstrapServers());
    }

    /**
     * Uses the configured cluster, or starts an embedded broker with the given options when none is configured.
     *
     * @throws io.newswatch.broker.BrokerStartException when the embedded broker cannot start (port in use, ...)
     */
    public static KafkaConnection configuredOrEmbedded(NewswatchConfig config, BrokerOptions options) {
        if (config.hasBootstrapServers()) {
            LOG.info("using Kafka at {} ({}); no embedded broker started", config.get(ConfigKeys.BOOTSTRAP_SERVERS),
                    config.origin(ConfigKeys.BOOTSTRAP_SERVERS));
            return new KafkaConnection(config, null);
        }
        return new KafkaConnection(config, EmbeddedKafka.start(options));
    }

    /**
     * Uses the configured cluster, or a broker started with {@code newswatch broker} on this machine
     * (127.0.0.1 and {@code broker.port}) when none is configured: the services never start a broker themselves.
     */
    public static KafkaConnection configuredOrLocal(NewswatchConfig config) {
        return configuredOrLocal(config, true);
    }

    /**
     * @param say whether to log, at INFO, that the local broker is used: a service says it once as it starts; a
     *            one-shot command says it only when the broker does not answer ({@link #reachable})
     */
    private static KafkaConnection configuredOrLocal(NewswatchConfig config, boolean say) {
        if (config.hasBootstrapServers()) {
            return new KafkaConnection(config, null);
        }
        String local = "127.0.0.1:" + config.get(ConfigKeys.BROKER_PORT);
        if (say) {
            LOG.info("kafka.bootstrap.servers is not set: using the local broker at {} ('newswatch broker' or "
                    + "'newswatch run' serves it)", local);
        } else {
            LOG.debug("kafka.bootstrap.servers is not set: using the local broker at {}", local);
        }
        return new KafkaConnection(config.with(ConfigKeys.BOOTSTRAP_SERVERS, local), null, true);
    }

    /**
     * {@link #configuredOrLocal} for a service that cannot start without the cluster (streams, alerts, ingest): it
     * says once which cluster it uses, then waits at most {@link #SERVICE_REACHABLE_WITHIN} for that cluster to answer.
     *
     * @throws ClusterUnreachableException naming the bootstrap servers and where they were configured, when no broker
     *     answers in time or the cluster refuses the client
     */
    public static KafkaConnection forService(NewswatchConfig config) {
        return forService(config, SERVICE_REACHABLE_WITHIN);
    }

    static KafkaConnection forService(NewswatchConfig config, Duration within) {
        KafkaConnection kafka = configuredOrLocal(config, true);
        kafka.requireReachable(within);
        return kafka;
    }

    /**
     * {@link #configuredOrLocal} for a command that reads or writes once and exits: it first asks the cluster to
     * describe itself, so that a cluster that is down fails in {@link #REACHABLE_WITHIN} with its address named.
     *
     * @throws ClusterUnreachableException when no broker answers in time, or the cluster refuses the client
     */
    public static KafkaConnection reachable(NewswatchConfig config) {
        KafkaConnection kafka = configuredOrLocal(config, false);
        kafka.requireReachable(REACHABLE_WITHIN);
        return kafka;
    }

    /**
     * Asks the cluster for its id, waiting at most {@code within}.
     *
     * @throws ClusterUnreachableException naming the bootstrap servers and where they were configured, when no broker
     *     answers in time or the cluster refuses the client (authentication, TLS)
     */
    void requireReachable(Duration within) {
        Properties p = clientProperties();
        int ms = (int) within.toMillis();
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms)).clusterId()
                    .get(ms + 1000L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(within, e);
        } catch (ExecutionException | TimeoutException e) {
            throw unreachable(within, e.getCause() == null ? e : e.getCause());
        }
    }

    private ClusterUnreachableException unreachable(Duration within, Throwable cause) {
        String where = local ? "kafka.bootstrap.servers is not set: the local broker, which 'newswatch broker' or "
                + "'newswatch run' serves"
                : "kafka.bootstrap.servers, from " + config.origin(ConfigKeys.BOOTSTRAP_SERVERS);
        return new ClusterUnreachableException("no Kafka broker answered at " + bootstrapServers() + " within "
                + within.toSeconds() + " s (" + where + "): " + ErrorReporting.oneLine(cause), cause);
    }

    /** No broker of the cluster a command needs answered, or the cluster refused the client. */
    public static final class ClusterUnreachableException extends RuntimeException {
        ClusterUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The configuration with {@code kafka.bootstrap.servers} pointing at the cluster in use. */
    public NewswatchConfig config() {
        return config;
    }

    /** Properties every Kafka client gets: bootstrap servers and the {@code kafka.client.*} pass-through. */
    public Properties clientProperties() {
        return config.kafkaClientProperties();
    }

    public String bootstrapServers() {
        return config.get(ConfigKeys.BOOTSTRAP_SERVERS);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
