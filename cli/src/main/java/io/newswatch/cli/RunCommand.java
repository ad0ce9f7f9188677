package io.newswatch.cli;

import io.newswatch.alerts.DeliveryPlan;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.ConsoleServer;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.cli.internal.Pipeline;
import io.newswatch.cli.internal.Rules;
import io.newswatch.console.Console;
import io.newswatch.console.ConsoleOptions;
import io.newswatch.ingest.source.SourcesFile;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Continuous monitoring: ingest, streams and alerts together, until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Continuous monitoring: poll the sources, tag every article and deliver alerts, until Ctrl-C;",
                "the analyst's console is served at console.bind:console.port (127.0.0.1:8080).",
                "With no kafka.bootstrap.servers configured, an embedded broker is started (data in broker.data.dir);",
                "with them, that cluster is used and no broker is started."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--sources", paramLabel = "FILE", description = "Sources file (default: ingest.sources.file, config/sources.yaml).")
    Path sources;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (default: the shipped rules).")
    Path rules;

    @Option(names = "--alerts-file", paramLabel = "FILE", description = "JSONL file of alerts (default: alerts.file, alerts.jsonl).")
    Path alertsFile;

    @Override
    public Integer call() throws Exception {
        NewswatchConfig config = configOptions.load();
        if (sources != null) {
            config = config.with(ConfigKeys.SOURCES_FILE, sources.toString());
        }
        if (alertsFile != null) {
            config = config.with(ConfigKeys.ALERTS_FILE, alertsFile.toString());
        }
        Path sourcesFile = config.get(ConfigKeys.SOURCES_FILE);
        var sourceList = SourcesFile.load(sourcesFile); // fail fast, before a broker starts
        var tagger = Rules.tagger(rules, config);
        ConsoleOptions consoleOptions = ConsoleServer.options(config);
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaConnection kafka = lifecycle.add(KafkaConnection.configuredOrEmbedded(config, BrokerOptions.persistent(
                    config.get(ConfigKeys.BROKER_PORT), config.get(ConfigKeys.BROKER_DATA_DIR))));
            Pipeline.startWatching(lifecycle, kafka, tagger, DeliveryPlan.fromConfig(kafka.config(), System.out),
                    sourcesFile);
            Console console = ConsoleServer.startBeside(lifecycle, kafka, consoleOptions);
            System.err.println("newswatch is watching " + sourceList.size() + " sources from " + sourcesFile
                    + " (edits are picked up without a restart)"
                    + (kafka.isEmbedded() ? " on the embedded broker at " : " on ") + kafka.bootstrapServers()
                    + "; alerts go to " + describeReceivers(kafka.config())
                    + (console == null ? "" : "; the console is at " + console.url()) + ". Press Ctrl-C to stop.");
            lifecycle.awaitShutdown();
        }
        return 0;
    }

    private static String describeReceivers(NewswatchConfig c) {
        StringBuilder sb = new StringBuilder();
        if (c.get(ConfigKeys.ALERTS_CONSOLE)) {
            sb.append("the console");
        }
        Path file = c.get(ConfigKeys.ALERTS_FILE);
        if (file != null) {
            sb.append(sb.length() > 0 ? " and " : "").append(file);
        }
        if (!c.get(ConfigKeys.ALERTS_WEBHOOK_URL).isBlank()) {
            sb.append(sb.length() > 0 ? " and " : "").append("a webhook");
        }
        return sb.length() == 0 ? "no receiver (see alerts.* keys)" : sb.toString();
    }
}
