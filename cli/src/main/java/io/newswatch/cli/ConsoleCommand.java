package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.ConsoleServer;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.console.Console;
import io.newswatch.console.ConsoleOptions;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Serves the analyst's console alone, against the configured cluster (or the local broker), until Ctrl-C. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Serve the analyst's web console: live alerts from news.alerts, filtered on the server and "
                + "pushed as they arrive, until Ctrl-C.",
                "Listens on console.bind:console.port (127.0.0.1:8080); any address but loopback needs console.token."})
final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: console.port).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: console.bind).")
    String bind;

    @Override
    public Integer call() throws Exception {
        NewswatchConfig config = configOptions.load();
        if (bind != null) {
            config = config.with(ConfigKeys.CONSOLE_BIND, bind);
        }
        if (port != null) {
            config = config.with(ConfigKeys.CONSOLE_PORT, Integer.toString(port));
        }
        ConsoleOptions options = ConsoleServer.options(config);
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaConnection kafka = lifecycle.add(KafkaConnection.configuredOrLocal(config));
            Console console = ConsoleServer.start(lifecycle, kafka, options);
            System.err.println("console at " + console.url() + " reading " + kafka.bootstrapServers()
                    + ". Press Ctrl-C to stop.");
            lifecycle.awaitShutdown();
        }
        return 0;
    }
}
