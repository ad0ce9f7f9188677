package io.newswatch.cli;

import io.newswatch.alerts.receiver.ConsoleReceiver;
import io.newswatch.alerts.receiver.DeliveryException;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.ingest.source.DateRange;
import io.newswatch.model.Alert;
import io.newswatch.model.config.ConfigKey;
import io.newswatch.model.serde.Json;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch subscribe}: follows the alert topics from a terminal, like {@code kcat -C} but readable.
 *
 * <p>Reads {@code news.alerts}, or with rule ids their {@code news.alerts.<rule-id>} topics, with
 * {@code read_committed} and without a consumer group (nothing is committed, any number can follow at once, and no
 * delivery of the alerts service is affected). Starts at the end, at {@code --since}, or at the beginning.
 * Undecodable records are reported on standard error with their position and skipped.
 */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = {"Follow alerts as they are raised, readable (or as JSON lines), until Ctrl-C.",
                "With RULE ids, only those rules' alerts (their news.alerts.<rule-id> topics).",
                "Works against any cluster; commits nothing and does not disturb the alerts service."})
final class SubscribeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Parameters(paramLabel = "RULE", arity = "0..*", description = "Rule ids to follow (default: every alert).")
    List<String> rules = new ArrayList<>();

    static final class Start {
        @Option(names = "--since", paramLabel = "DATE",
                description = "Start with alerts raised since this date (2025-06-01 = that day, UTC) or instant.")
        String since;

        @Option(names = "--from-beginning", description = "Start with the oldest alert the topics keep.")
        boolean fromBeginning;
    }

    @ArgGroup(exclusive = true)
    Start start = new Start();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "pretty",
            description = "pretty (colour on a terminal) or json (one alert per line). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--max", paramLabel = "N", description = "Exit after N alerts.")
    Integer max;

    @Option(names = "--idle-exit", paramLabel = "DURATION", hidden = true,
            description = "Exit when no alert arrived for this long (for scripts and tests), e.g. 5s.")
    String idleExit;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("pretty") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be pretty or json, not '" + format + "'");
        }
        Instant since = start.since == null ? null : parseSince(start.since);
        List<String> topics = new ArrayList<>();
        for (String rule : rules) {
            try {
                topics.add(Topics.alertsForRule(rule).name());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (topics.isEmpty()) {
            topics.add(Topics.ALERTS.name());
        }
        Duration idle = idleExit == null ? null
                : ConfigKey.duration("--idle-exit").parse(idleExit, "--idle-exit");
        try (KafkaConnection kafka = KafkaConnection.configuredOrLocal(configOptions.load())) {
            Properties props = kafka.clientProperties();
            try (Admin admin = Admin.create(props)) {
                Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                for (String t : topics) {
                    if (!existing.contains(t)) {
                        System.err.println("newswatch subscribe: there is no topic " + t + ": no streams instance "
                                + "has loaded that rule with 'alert: true' yet");
                        return 1;
                    }
                }
            }
            return follow(props, topics, since, idle);
        }
    }

    private int follow(Properties kafkaProps, List<String> topics, Instant since, Duration idle) throws Exception {
        Properties p = (Properties) kafkaProps.clone();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        PrintStream out = System.out;
        ConsoleReceiver pretty = new ConsoleReceiver(out, ConsoleReceiver.stdoutIsTerminal());
        TopicSpec<String, Alert> spec = Topics.ALERTS;
        // Ctrl-C wakes the consumer, then waits until it is closed. Not for this thread to end: after a shutdown
        // has begun, the System.exit that follows a command blocks for good, so a join would always time out.
        CountDownLatch closed = new CountDownLatch(1);
        try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Thread hook = new Thread(() -> {
                consumer.wakeup();
                try {
                    closed.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newswatch-subscribe-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : topics) {
                consumer.partitionsFor(t, Duration.ofSeconds(30))
                        .forEach(i -> parts.add(new TopicPartition(t, i.partition())));
            }
            consumer.assign(parts);
            position(consumer, parts, since);
            int shown = 0;
            long lastAlert = System.nanoTime();
            try {
                while (max == null || shown < max) {
                    var records = consumer.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        Alert alert;
                        try {
                            alert = spec.valueSerde().deserializer().deserialize(r.topic(), r.value());
                        } catch (SerializationException e) {
                            System.err.println("skipped " + r.topic() + "-" + r.partition() + "@" + r.offset()
                                    + ": not an alert (" + e.getMessage() + ")");
                            continue;
                        }
                        if (alert == null) {
                            continue;
                        }
                        if (format.equals("json")) {
                            out.println(Json.mapper().writeValueAsString(alert));
                        } else {
                            pretty.deliver(alert);
                        }
                        shown++;
                        lastAlert = System.nanoTime();
                        if (max != null && shown >= max) {
                            break;
                        }
                    }
                    out.flush();
                    if (idle != null && System.nanoTime() - lastAlert > idle.toNanos()) {
                        break;
                    }
                }
            } catch (WakeupException e) {
                // Ctrl-C
            } catch (DeliveryException e) {
                System.err.println("newswatch subscribe: cannot print: " + e.getMessage());
                return 1;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down
                }
            }
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private void position(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> parts, Instant since) {
        if (start.fromBeginning) {
            consumer.seekToBeginning(parts);
        } else if (since == null) {
            consumer.seekToEnd(parts);
        } else {
            Map<TopicPartition, Long> query = new HashMap<>();
            parts.forEach(tp -> query.put(tp, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
            List<TopicPartition> none = new ArrayList<>();
            found.forEach((tp, o) -> {
                if (o == null) {
                    none.add(tp);
                } else {
                    consumer.seek(tp, o.offset());
                }
            });
            consumer.seekToEnd(none);
        }
    }

    private Instant parseSince(String value) {
        try {
            return DateRange.parseBound(value, false);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--since: " + e.getMessage());
        }
    }
}
