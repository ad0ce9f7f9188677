package io.newswatch.ingest.cluster;

import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourceYaml;
import io.newswatch.ingest.source.SourcesException;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.topics.CompactedTopicReader;
import io.newswatch.model.topics.CompactedTopicWriter.SyncResult;
import io.newswatch.model.topics.CompactedTopicWriter;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Topics#SOURCES} topic as the list of sources every ingest instance shares: read it, or make it equal a
 * list (usually the sources file's).
 *
 * <p>{@link #sync} compares each source's {@link SourceYaml} text with what the topic holds and writes only the
 * differences ({@link CompactedTopicWriter}): a new or changed source as its YAML, a source no longer listed as a
 * tombstone. Two instances that sync the same file therefore write nothing the second time.
 */
public final class SourcesTopic {
    private static final Logger LOG = LoggerFactory.getLogger(SourcesTopic.class);

    private final Properties kafkaProps;
    private final String clientId;

    /**
     * @param kafkaProps connection properties; copied
     * @param clientId   client id prefix of the clients it opens
     */
    public SourcesTopic(Properties kafkaProps, String clientId) {
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.clientId = clientId;
    }

    /** Creates the sources and status topics when missing (with the catalogue's partitions and configs). */
    public void ensureTopics() {
        Properties p = (Properties) kafkaProps.clone();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-sources-admin");
        try (Admin admin = Admin.create(p)) {
            TopicAdmin.ensureTopics(admin, List.of(Topics.SOURCES, Topics.SOURCE_STATUS));
        }
    }

    /** Each source id on the topic with its YAML text, as written. */
    public Map<String, String> readYaml() {
        return CompactedTopicReader.read(kafkaProps, clientId + "-sources-read", Topics.SOURCES);
    }

    /**
     * The sources on the topic, in the order first written. A value that does not parse is left out with a WARN
     * naming the source id and the problem.
     */
    public List<Source> read() {
        List<Source> sources = new ArrayList<>();
        readYaml().forEach((id, yaml) -> {
            Source s = parse(id, yaml);
            if (s != null) {
                sources.add(s);
            }
        });
        return sources;
    }

    /** The latest status of each source id, as the instances polling them reported. */
    public Map<String, SourceStatus> readStatuses() {
        return CompactedTopicReader.read(kafkaProps, clientId + "-status-read", Topics.SOURCE_STATUS);
    }

    /**
     * Parses one value of the topic; null, with a WARN, when it is not a valid source or its id is not its key.
     */
    static Source parse(String key, String yaml) {
        try {
            Source s = SourceYaml.parse(yaml, Topics.SOURCES.name() + "/" + key);
            if (!s.id().equals(key)) {
                LOG.warn("{}: source under key '{}' names itself '{}', ignored", Topics.SOURCES.name(), key, s.id());
                return null;
            }
            return s;
        } catch (SourcesException e) {
            LOG.warn("{}: source '{}' ignored: {}", Topics.SOURCES.name(), key, e.getMessage());
            return null;
        }
    }

    /**
     * Makes the topic list exactly {@code wanted} (creating the sources and status topics when missing).
     *
     * @throws IllegalStateException when the topic cannot be read or a write is not acknowledged within 30 seconds
     */
    public SyncResult sync(List<Source> wanted) {
        ensureTopics();
        Map<String, String> target = new LinkedHashMap<>();
        wanted.forEach(s -> target.put(s.id(), SourceYaml.write(s)));
        return CompactedTopicWriter.sync(kafkaProps, clientId + "-sources", Topics.SOURCES, target);
    }
}
