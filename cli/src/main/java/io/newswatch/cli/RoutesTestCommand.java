package io.newswatch.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import io.newswatch.alerts.routing.Route;
import io.newswatch.alerts.routing.Subscriptions;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.model.Alert;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.serde.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswatch routes test --alert FILE}: which receivers each alert would reach (a dry run). */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Dry run of the routing tree: for each alert in FILE (a JSON alert, or JSON lines as "
                + "`newswatch subscribe --format json` prints them) show the routes that take it and the receivers "
                + "it would reach (a route without a receiver of its own shows the one it inherits). Nothing is sent.",
                "Exit status: 0, or 1 when the subscriptions file or an alert cannot be read."})
final class RoutesTestCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--alert", paramLabel = "FILE", required = true, description = "Alert JSON or JSON lines.")
    Path alertFile;

    @Option(names = "--subscriptions", paramLabel = "FILE",
            description = "Subscriptions file (default: alerts.subscriptions.file, config/subscriptions.yaml).")
    Path subscriptionsFile;

    @Override
    public Integer call() throws Exception {
        Path file = subscriptionsFile != null ? subscriptionsFile
                : configOptions.load().get(ConfigKeys.SUBSCRIPTIONS_FILE);
        if (file == null) {
            System.err.println("newswatch routes test: no subscriptions file: give --subscriptions FILE or set "
                    + ConfigKeys.SUBSCRIPTIONS_FILE.name());
            return 2;
        }
        Subscriptions subs = Subscriptions.load(file);
        List<Alert> alerts;
        try (MappingIterator<Alert> it = Json.mapper().readerFor(Alert.class).readValues(alertFile.toFile())) {
            alerts = it.readAll();
        }
        for (Alert alert : alerts) {
            System.out.printf("alert %s  \"%s\"  (severity %s, source %s, language %s, tags %s, entities %s)%n",
                    alert.ruleId(), alert.title(), alert.severity(), alert.sourceId(), alert.language(),
                    alert.tags(), alert.entities());
            for (Route r : subs.root().match(alert)) {
                System.out.println("  " + r.path() + " -> " + String.join(", ", r.receivers())
                        + (r.receiversInherited() ? " (inherited from its parent)" : ""));
            }
            System.out.println("  receivers: " + String.join(", ", subs.receiversFor(alert)));
            subs.root().targets(alert).forEach((receiver, route) -> System.out.println("    " + receiver + ": "
                    + (route.grouping().groups() ? "in group '" + route.grouping().groupLabel(alert) + "', "
                    + route.grouping().describe() : route.grouping().describe())));
        }
        return 0;
    }
}
