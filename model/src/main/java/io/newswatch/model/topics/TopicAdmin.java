package io.newswatch.model.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates catalogue topics through the Admin client. Idempotent: topics that exist are left as they are, and
 * two services racing to create the same topic both succeed.
 */
public final class TopicAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private static final long TIMEOUT_SECONDS = 30;

    private TopicAdmin() {
    }

    /**
     * Ensures every given topic exists. The replication factor is min(3, brokers in the cluster).
     *
     * @return the names of the topics this call created
     * @throws IllegalStateException when the cluster cannot be reached or refuses a topic
     */
    public static List<String> ensureTopics(Admin admin, Collection<? extends TopicSpec<?, ?>> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
            short rf = (short) Math.max(1, Math.min(3, brokers));
            List<NewTopic> wanted = new ArrayList<>();
            for (TopicSpec<?, ?> spec : specs) {
                if (!existing.contains(spec.name())) {
                    wanted.add(spec.newTopic(rf));
                }
            }
            List<String> created = new ArrayList<>();
            if (wanted.isEmpty()) {
                return created;
            }
            var result = admin.createTopics(wanted);
            for (var e : result.values().entrySet()) {
                try {
                    e.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    created.add(e.getKey());
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + e.getKey() + ": "
                                + ex.getCause().getMessage(), ex.getCause());
                    }
                }
            }
            if (!created.isEmpty()) {
                LOG.info("created topics {} with replication factor {}", created, rf);
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot reach Kafka to create topics: " + cause.getMessage(), cause);
        }
    }
}
