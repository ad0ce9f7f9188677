package io.newswatch.cli.internal;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster a command talks to: the configured one, or (for {@code run} and {@code demo} when none is
 * configured) an embedded broker this process starts and stops.
 */
public final class KafkaConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaConnection.class);

    private final EmbeddedKafka embedded;
    private final NewswatchConfig config;

    private KafkaConnection(NewswatchConfig config, EmbeddedKafka embedded) {
        this.embedded = embedded;
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
        if (config.hasBootstrapServers()) {
            return new KafkaConnection(config, null);
        }
        String local = "127.0.0.1:" + config.get(ConfigKeys.BROKER_PORT);
        LOG.info("kafka.bootstrap.servers is not set: using the local broker at {} (start it with 'newswatch broker')",
                local);
        return new KafkaConnection(config.with(ConfigKeys.BOOTSTRAP_SERVERS, local), null);
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
