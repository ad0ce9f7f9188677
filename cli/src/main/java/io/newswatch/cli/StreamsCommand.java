package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.cli.internal.Rules;
import io.newswatch.cli.internal.StreamsRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the Kafka Streams topology (tag articles, group stories, raise alerts, count trends) until Ctrl-C, with its
 * HTTP side when {@code streams.http.port} is set ({@link StreamsRuntime}).
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
            KafkaConnection kafka = lifecycle.add(KafkaConnection.forService(configOptions.load()));
            StreamsRuntime.start(lifecycle, kafka, Rules.tagger(rules, kafka.config()));
            System.err.println("streams running against " + kafka.bootstrapServers() + ". Press Ctrl-C to stop.");
            lifecycle.awaitShutdown();
        }
        return 0;
    }
}
