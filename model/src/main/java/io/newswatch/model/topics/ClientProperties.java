package io.newswatch.model.topics;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The two kinds of Kafka client newswatch makes outside Kafka Streams, configured one way everywhere. Each call
 * copies the given properties (bootstrap servers, security, any {@code kafka.client.*} key) and adds to the copy.
 *
 * <ul>
 *   <li>{@link #producer}: idempotent with {@code acks=all}, so a retried send is written once and a write
 *       acknowledged is on every in-sync replica; callers add batching, compression and timeouts for their
 *       load.</li>
 *   <li>{@link #groupless}: a consumer with no group that commits nothing and reads only committed records
 *       ({@code read_committed}), so it sees what exactly-once writers finished and never what they aborted; it
 *       assigns its partitions itself.</li>
 * </ul>
 */
public final class ClientProperties {
    private ClientProperties() {
    }

    /** An idempotent, {@code acks=all} producer's properties. */
    public static Properties producer(Properties base, String clientId) {
        Properties p = (Properties) base.clone();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    /** A group-free, committing-nothing, {@code read_committed} consumer's properties. */
    public static Properties groupless(Properties base, String clientId) {
        Properties p = (Properties) base.clone();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return p;
    }
}
