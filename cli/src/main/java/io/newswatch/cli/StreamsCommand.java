package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.cli.internal.Rules;
import io.newswatch.streams.StreamsService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the Kafka Streams topology (tag articles, raise alerts) until Ctrl-C. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Run the tagging topology: news.articles -> news.tagged and news.alerts, until Ctrl-C.",
                "Several instances with the same streams.application.id share the work by partition."})
final class StreamsCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (default: streams.rules.file, else the shipped rules).")
    Path rules;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            KafkaConnection kafka = lifecycle.add(KafkaConnection.configuredOrLocal(configOptions.load()));
            StreamsService streams = lifecycle.add(new StreamsService(kafka.config(), kafka.clientProperties(),
                    Rules.tagger(rules, kafka.config())));
            streams.start();
            System.err.println("streams running against " + kafka.bootstrapServers() + ". Press Ctrl-C to stop.");
            lifecycle.awaitShutdown();
        }
        return 0;
    }
}
