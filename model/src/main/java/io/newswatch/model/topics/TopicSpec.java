package io.newswatch.model.topics;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic's full contract: name, key and value serdes, partition count and topic-level configs.
 *
 * @param name       topic name
 * @param keySerde   serde of the keys
 * @param valueSerde serde of the values
 * @param partitions partitions to create it with
 * @param configs    topic-level configs (cleanup policy and the like)
 * @param <K>        key type
 * @param <V>        value type
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                              Map<String, String> configs) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions of " + name + " must be >= 1");
        }
        configs = Map.copyOf(configs);
    }

    /** The Admin-client request that creates this topic with the given replication factor. */
    public NewTopic newTopic(short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }
}
