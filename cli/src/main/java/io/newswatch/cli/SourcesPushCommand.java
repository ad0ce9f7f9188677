package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.ingest.cluster.SourcesTopic;
import io.newswatch.ingest.source.SourcesFile;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code newswatch sources push FILE}: makes news.sources exactly the file's list, validated first. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Validate a sources file and make news.sources exactly its list: new and changed sources are "
                + "written, sources it no longer lists are removed. Running ingest instances pick the change up "
                + "without a restart.",
                "Exit status: 0 on success, 1 when the file is invalid (nothing is written) or Kafka cannot be reached."})
final class SourcesPushCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Parameters(paramLabel = "FILE", description = "The sources file.")
    Path file;

    @Override
    public Integer call() throws Exception {
        var sources = SourcesFile.load(file);
        NewswatchConfig config = configOptions.load();
        try (KafkaConnection kafka = KafkaConnection.reachable(config)) {
            var result = new SourcesTopic(kafka.clientProperties(), config.get(ConfigKeys.CLIENT_ID_PREFIX)
                    + "-sources-cli").sync(sources);
            System.out.println("news.sources: " + result);
        }
        return 0;
    }
}
