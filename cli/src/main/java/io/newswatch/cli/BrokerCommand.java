package io.newswatch.cli;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs a real single-node Apache Kafka (KRaft) broker in this JVM until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a single-node Apache Kafka broker (KRaft) in this process until Ctrl-C.",
                "Its data directory persists between runs, so the article archive survives a restart."})
final class BrokerCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--port", paramLabel = "N", description = "Client port (default: broker.port, 9092).")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: broker.data.dir, ~/.newswatch/kafka).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        NewswatchConfig config = configOptions.load();
        if (port != null) {
            config = config.with(ConfigKeys.BROKER_PORT, port.toString());
        }
        if (dataDir != null) {
            config = config.with(ConfigKeys.BROKER_DATA_DIR, dataDir.toString());
        }
        try (Lifecycle lifecycle = new Lifecycle()) {
            EmbeddedKafka kafka = lifecycle.add(EmbeddedKafka.start(BrokerOptions.persistent(
                    config.get(ConfigKeys.BROKER_PORT), config.get(ConfigKeys.BROKER_DATA_DIR))));
            System.out.println("Kafka broker ready at " + kafka.bootstrapServers() + " (data in " + kafka.dataDir()
                    + "). Press Ctrl-C to stop.");
            System.out.flush();
            lifecycle.awaitShutdown();
        }
        return 0;
    }
}
