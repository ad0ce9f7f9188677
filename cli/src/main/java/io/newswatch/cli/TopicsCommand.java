package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import java.util.ArrayList;
import java.util.List;
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

    /** The topics of alerting rules that exist on the cluster ({@code news.alerts.<rule-id>}), sorted. */
    private static List<TopicSpec<?, ?>> perRuleTopics(Set<String> existing) {
        List<TopicSpec<?, ?>> out = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(existing)) {
            if (name.startsWith(Topics.ALERTS.name() + ".")
                    && Topics.ALL.stream().noneMatch(t -> t.name().equals(name))) {
                try {
                    out.add(Topics.byName(name));
                } catch (IllegalArgumentException notARuleTopic) {
                    // another tool's topic under the same prefix: not ours to show
                }
            }
        }
        return out;
    }

    private static String[] row(TopicSpec<?, ?> t, String name, String onCluster) {
        String valueType = t.valueSerde() instanceof io.newswatch.model.serde.JsonSerde<?> js
                ? js.type().getSimpleName() + " JSON" : t == Topics.RULES ? "rule YAML"
                : t == Topics.SOURCES ? "source YAML" : "original bytes";
        return new String[] {name, String.valueOf(t.partitions()),
            t.configs().getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, "delete"), valueType, onCluster};
    }

    /** The rows in columns as wide as their widest cell, so that no value pushes the next column out of line. */
    private static void print(List<String[]> rows, String lastHeader) {
        String[] header = {"TOPIC", "PARTITIONS", "CLEANUP", "VALUE", lastHeader};
        int[] width = new int[header.length];
        for (String[] r : concat(header, rows)) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : concat(header, rows)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }

    private static List<String[]> concat(String[] header, List<String[]> rows) {
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

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
        List<TopicSpec<?, ?>> topics = new ArrayList<>(Topics.ALL);
        if (create || check) {
            try (KafkaConnection kafka = KafkaConnection.reachable(configOptions.load());
                 Admin admin = Admin.create(kafka.clientProperties())) {
                if (create) {
                    var created = TopicAdmin.ensureTopics(admin, Topics.ALL);
                    System.err.println(created.isEmpty() ? "all topics exist" : "created " + String.join(", ", created));
                }
                existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                topics.addAll(perRuleTopics(existing));
                weak = TopicAdmin.weakTopics(admin, topics);
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (TopicSpec<?, ?> t : topics) {
            rows.add(row(t, t.name(), (create || check) ? onCluster(t, existing, weak) : ""));
        }
        if (!(create || check)) {
            // the per-rule topics exist only once a rule that alerts is loaded: show their pattern
            rows.add(row(Topics.ALERTS, Topics.ALERTS.name() + ".<rule-id>", ""));
        }
        print(rows, (create || check) ? "ON CLUSTER" : "");
        if (!weak.isEmpty()) {
            System.err.println(weak.size() + " topic(s) accept acks=all writes with fewer in-sync replicas than their "
                    + "replication factor calls for; raise each with: kafka-configs.sh --alter --entity-type topics "
                    + "--entity-name TOPIC --add-config min.insync.replicas=WANT (WANT as shown above)");
            return 1;
        }
        return 0;
    }
}
