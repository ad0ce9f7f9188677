package io.newswatch.cli;

import io.newswatch.alerts.DeliveryPlan;
import io.newswatch.alerts.AlertsService;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the alerts service (deliver news.alerts to the receivers) until Ctrl-C. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Deliver every alert on news.alerts to the console, a JSONL file and/or a webhook, until Ctrl-C.",
                "An offset is committed only after the alert was delivered or dead-lettered."})
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--file", paramLabel = "FILE", description = "Append alerts as JSON lines here (default: alerts.file).")
    Path file;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST each alert as JSON to this URL (default: alerts.webhook.url).")
    String webhook;

    @Option(names = "--no-console", description = "Do not print alerts on standard output.")
    boolean noConsole;

    @Override
    public Integer call() throws Exception {
        NewswatchConfig config = configOptions.load();
        if (file != null) {
            config = config.with(ConfigKeys.ALERTS_FILE, file.toString());
        }
        if (webhook != null) {
            config = config.with(ConfigKeys.ALERTS_WEBHOOK_URL, webhook);
        }
        if (noConsole) {
            config = config.with(ConfigKeys.ALERTS_CONSOLE, "false");
        }
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaConnection kafka = lifecycle.add(KafkaConnection.forService(config));
            AlertsService alerts = lifecycle.add(new AlertsService(kafka.config(), kafka.clientProperties(),
                    DeliveryPlan.fromConfig(kafka.config(), System.out)));
            alerts.start();
            System.err.println("alerts service running against " + kafka.bootstrapServers() + ". Press Ctrl-C to stop.");
            lifecycle.awaitShutdown();
        }
        return 0;
    }
}
