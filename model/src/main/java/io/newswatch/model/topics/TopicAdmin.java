package io.newswatch.model.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates catalogue topics through the Admin client. Idempotent: topics that exist are left as they are, and
 * two services racing to create the same topic both succeed.
 *
 * <p>Durability follows the Apache Kafka 4.3 documentation (Design, Replication, "Availability and Durability
 * Guarantees"): replication factor min(3, brokers) and, set on each topic rather than left to the
 * broker's default of 1, {@code min.insync.replicas} = 2 at replication factor 3. An {@code acks=all} write is
 * then acknowledged only once two replicas have it, so losing a leader never loses an acknowledged record; with
 * two brokers down producers get {@code NotEnoughReplicas} and retry instead. At replication factor 2 it is 1: 2
 * would stop every write whenever either broker is down, making two brokers less available than one, while
 * unclean leader election (off by default) still keeps a replica that missed writes from becoming leader.
 *
 * <p>The broker count is that of the live brokers ({@code describeCluster}): a topic created while brokers are down
 * gets the smaller replication factor for good, so {@link #ensureTopics} logs a warning naming the count when two
 * are up (a single broker is taken for a one-broker setup, such as the embedded one, and not warned about). {@link #weakTopics} judges each topic by its own replication factor, not by today's broker count.
 */
public final class TopicAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private static final long TIMEOUT_SECONDS = 30;

    /**
     * The replication newswatch's topics get on a cluster, also applied to Kafka Streams' internal topics.
     *
     * @param factor            replication factor
     * @param minInsyncReplicas {@code min.insync.replicas} of each topic
     */
    public record Replication(short factor, int minInsyncReplicas) {
        /** min(3, brokers) copies; at three, two must have a write before it is acknowledged. */
        public static Replication forBrokers(int brokers) {
            short factor = (short) Math.max(1, Math.min(3, brokers));
            return new Replication(factor, minInsyncFor(factor));
        }

        /** The {@code min.insync.replicas} a topic of this replication factor needs: 2 from three copies up, else 1. */
        public static int minInsyncFor(int replicationFactor) {
            return replicationFactor >= 3 ? 2 : 1;
        }

        /** Whether a topic's {@code min.insync.replicas} is below what its own replication factor needs. */
        public static boolean isWeak(int replicationFactor, int minInsyncReplicas) {
            return minInsyncReplicas < minInsyncFor(replicationFactor);
        }
    }

    /**
     * An existing topic whose {@code min.insync.replicas} is too low for its replication factor.
     *
     * @param replicationFactor the topic's replication factor (its largest partition replica count)
     * @param minInsyncReplicas its {@code min.insync.replicas} (1, the broker default, when unset)
     */
    public record WeakTopic(int replicationFactor, int minInsyncReplicas) {
        /** The value it should have: {@link Replication#minInsyncFor}. */
        public int wanted() {
            return Replication.minInsyncFor(replicationFactor);
        }
    }

    private TopicAdmin() {
    }

    /**
     * The replication for the cluster {@code admin} talks to ({@link Replication#forBrokers}).
     *
     * @throws IllegalStateException when the cluster cannot be reached
     */
    public static Replication replication(Admin admin) {
        return Replication.forBrokers(liveBrokers(admin));
    }

    private static int liveBrokers(Admin admin) {
        return get(admin.describeCluster().nodes(), "describe the cluster").size();
    }

    /**
     * The warning to log before creating topics with {@code liveBrokers} brokers up, or empty for one and from three
     * up: the replication factor chosen now is kept when the other brokers come back.
     */
    static Optional<String> fewBrokersWarning(int liveBrokers) {
        if (liveBrokers >= 3 || liveBrokers <= 1) {
            // one broker is the embedded default or a developer's: nothing to replicate to, nothing to warn of
            return Optional.empty();
        }
        Replication r = Replication.forBrokers(liveBrokers);
        return Optional.of("only " + liveBrokers + " live broker(s): topics will be created with "
                + "replication factor " + r.factor() + " (the live count) and min.insync.replicas "
                + r.minInsyncReplicas() + ", and keep that when more brokers join; if brokers are down, start them "
                + "first, or raise it later with kafka-reassign-partitions.sh");
    }

    /**
     * Ensures every given topic exists, with the replication of {@link #replication(Admin)}.
     *
     * @return the names of the topics this call created
     * @throws IllegalStateException when the cluster cannot be reached or refuses a topic
     */
    public static List<String> ensureTopics(Admin admin, Collection<? extends TopicSpec<?, ?>> specs) {
        Set<String> existing = get(admin.listTopics().names(), "list topics");
        int live = liveBrokers(admin);
        Replication replication = Replication.forBrokers(live);
        List<NewTopic> wanted = new ArrayList<>();
        for (TopicSpec<?, ?> spec : specs) {
            if (!existing.contains(spec.name())) {
                Map<String, String> configs = new HashMap<>(spec.configs());
                configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(replication.minInsyncReplicas()));
                wanted.add(spec.newTopic(replication.factor()).configs(configs));
            }
        }
        List<String> created = new ArrayList<>();
        if (wanted.isEmpty()) {
            return created;
        }
        fewBrokersWarning(live).ifPresent(LOG::warn);
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
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", ex);
            } catch (TimeoutException ex) {
                throw new IllegalStateException("cannot reach Kafka to create topics: no answer within "
                        + TIMEOUT_SECONDS + " s", ex);
            }
        }
        if (!created.isEmpty()) {
            LOG.info("created topics {} with replication factor {}, min.insync.replicas {}", created,
                    replication.factor(), replication.minInsyncReplicas());
        }
        return created;
    }

    /**
     * The existing topics among {@code specs} whose {@code min.insync.replicas} is below what their own replication
     * factor needs ({@link Replication#isWeak}; typically made by an older version, or by hand): topic name to its
     * current value. Topics that do not exist are not listed.
     *
     * @throws IllegalStateException when the cluster cannot be reached
     */
    public static Map<String, Integer> weakMinInsyncReplicas(Admin admin, Collection<? extends TopicSpec<?, ?>> specs) {
        Map<String, Integer> weak = new LinkedHashMap<>();
        weakTopics(admin, specs).forEach((name, topic) -> weak.put(name, topic.minInsyncReplicas()));
        return weak;
    }

    /**
     * As {@link #weakMinInsyncReplicas}, with each topic's replication factor: topic name to what it has. The
     * replication factor is read from the topic (its largest partition), so the verdict does not depend on how many
     * brokers happen to be up.
     *
     * @throws IllegalStateException when the cluster cannot be reached
     */
    public static Map<String, WeakTopic> weakTopics(Admin admin, Collection<? extends TopicSpec<?, ?>> specs) {
        Set<String> existing = get(admin.listTopics().names(), "list topics");
        List<String> names = specs.stream().map(TopicSpec::name).filter(existing::contains).distinct().toList();
        Map<String, WeakTopic> weak = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return weak;
        }
        Map<String, TopicDescription> descriptions = get(admin.describeTopics(names).allTopicNames(),
                "describe topics");
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = get(admin.describeConfigs(resources).all(), "describe topic configs");
        for (ConfigResource resource : resources) {
            int factor = descriptions.get(resource.name()).partitions().stream()
                    .mapToInt(p -> p.replicas().size()).max().orElse(1);
            ConfigEntry entry = configs.get(resource).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            int actual = entry == null || entry.value() == null ? 1 : Integer.parseInt(entry.value());
            if (Replication.isWeak(factor, actual)) {
                weak.put(resource.name(), new WeakTopic(factor, actual));
            }
        }
        return weak;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka to " + what + ": no answer within " + TIMEOUT_SECONDS
                    + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot reach Kafka to " + what + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
