package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.CountsEndpoint;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.cli.internal.ObservabilityServer;
import io.newswatch.cli.internal.Rules;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.streams.StreamsService;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the Kafka Streams topology (tag articles, raise alerts, count trends) until Ctrl-C. With
 * {@code streams.http.port} set it also serves {@code /api/counts} ({@link CountsEndpoint}), {@code /metrics} (with
 * the Kafka Streams metrics) and {@code /health}: {@code UP} while Kafka Streams is RUNNING or REBALANCING,
 * {@code DEGRADED} with its state otherwise. The HTTP side starts before Kafka Streams so a probe sees the start-up.
 * Unless {@code kafka.client.application.server} is set, Kafka Streams' {@code application.server} is this host's
 * name and the HTTP port, so with several instances a count held elsewhere is answered with its owner's address.
 */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Run the tagging topology: news.articles -> news.tagged and news.alerts, until Ctrl-C.",
                "Several instances with the same streams.application.id share the work by partition.",
                "With streams.http.port set: GET /api/counts?tag=ru-kp&from=...&to=..., /metrics and /health."})
final class StreamsCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (default: streams.rules.file, else the shipped rules).")
    Path rules;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaConnection kafka = lifecycle.add(KafkaConnection.configuredOrLocal(configOptions.load()));
            NewswatchConfig config = kafka.config();
            int port = config.get(ConfigKeys.STREAMS_HTTP_PORT);
            ObservabilityServer http = port >= 0 ? lifecycle.add(new ObservabilityServer(port)) : null;
            Properties kafkaProps = kafka.clientProperties();
            if (http != null) {
                kafkaProps.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, hostName() + ":" + http.port());
            }
            StreamsService streams = lifecycle.add(new StreamsService(config, kafkaProps,
                    Rules.tagger(rules, config), http != null ? http.registry() : null));
            if (http != null) {
                http.addJsonEndpoint(CountsEndpoint.PATH, new CountsEndpoint(streams::counts, Clock.systemUTC()));
                http.start(() -> {
                    KafkaStreams.State state = streams.state();
                    return new ObservabilityServer.Health(
                            state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING,
                            Map.of("state", state.name()));
                });
                System.err.println("serving " + CountsEndpoint.PATH + ", /metrics and /health on port " + http.port());
            }
            streams.start();
            System.err.println("streams running against " + kafka.bootstrapServers() + ". Press Ctrl-C to stop.");
            lifecycle.awaitShutdown();
        }
        return 0;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
