package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows the topic catalogue and, with {@code --create}, creates the topics on the cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"List newswatch's topics (name, partitions, cleanup policy, what flows through them).",
                "With --create, create any that are missing on the cluster (idempotent); with --check, show which exist.",
                "Both exit with 1 when an existing topic's min.insync.replicas is too low for its own replication factor",
                "(2 from replication factor 3 up, else 1)."})
final class TopicsCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--create", description = "Create missing topics on the cluster.")
    boolean create;

    @Option(names = "--check", description = "Show which topics exist on the cluster.")
    boolean check;

    private static String onCluster(TopicSpec<?, ?> t, Set<String> existing, Map<String, TopicAdmin.WeakTopic> weak) {
        if (!existing.contains(t.name())) {
            return "no";
        }
        TopicAdmin.WeakTopic w = weak.get(t.name());
        return w == null ? "yes" : "yes, min.insync.replicas " + w.minInsyncReplicas() + " at replication factor "
                + w.replicationFactor() + " (want " + w.wanted() + ")";
    }

    @Override
    public Integer call() throws Exception {
        Set<String> existing = Set.of();
        Map<String, TopicAdmin.WeakTopic> weak = Map.of();
        if (create || check) {
            try (KafkaConnection kafka = KafkaConnection.reachable(configOptions.load());
                 Admin admin = Admin.create(kafka.clientProperties())) {
                if (create) {
                    var created = TopicAdmin.ensureTopics(admin, Topics.ALL);
                    System.err.println(created.isEmpty() ? "all topics exist" : "created " + String.join(", ", created));
                }
                existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                weak = TopicAdmin.weakTopics(admin, Topics.ALL);
            }
        }
        System.out.printf("%-22s %-10s %-8s %-20s %s%n", "TOPIC", "PARTITIONS", "CLEANUP", "VALUE", (create || check) ? "ON CLUSTER" : "");
        for (TopicSpec<?, ?> t : Topics.ALL) {
            String valueType = t.valueSerde() instanceof io.newswatch.model.serde.JsonSerde<?> js
                    ? js.type().getSimpleName() + " JSON" : t == Topics.RULES ? "rule YAML"
                    : t == Topics.SOURCES ? "source YAML" : "original bytes";
            System.out.printf("%-22s %-10d %-8s %-20s %s%n", t.name(), t.partitions(),
                    t.configs().getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, "delete"), valueType,
                    (create || check) ? onCluster(t, existing, weak) : "");
        }
        if (!weak.isEmpty()) {
            System.err.println(weak.size() + " topic(s) accept acks=all writes with fewer in-sync replicas than their "
                    + "replication factor calls for; raise each with: kafka-configs.sh --alter --entity-type topics "
                    + "--entity-name TOPIC --add-config min.insync.replicas=WANT (WANT as shown above)");
            return 1;
        }
        return 0;
    }
}
