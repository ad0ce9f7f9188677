package io.newswatch.streams.topology;

import io.newswatch.streams.tagging.Tagger;
import java.util.Objects;

/**
 * What the topology needs besides its topics.
 *
 * @param tagger        the tagger every article goes through (thread-safe, shared by every stream thread)
 * @param applicationId the Kafka Streams application id, recorded in dead-letter headers
 */
public record TopologyConfig(Tagger tagger, String applicationId) {
    public TopologyConfig {
        Objects.requireNonNull(tagger, "tagger");
        Objects.requireNonNull(applicationId, "applicationId");
    }
}
