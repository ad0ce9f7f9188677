package io.newswatch.cli.internal;

import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every service command shares: the config file and the shortcut for the cluster. Layering is
 * defaults, then {@code --config FILE}, then the environment, then these options.
 */
public final class ConfigOptions extends FileConfigOptions {
    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
            description = "Kafka cluster to use (overrides kafka.bootstrap.servers).")
    String bootstrapServers;

    @Override
    public ConfigOptions environment(Map<String, String> env) {
        super.environment(env);
        return this;
    }

    @Override
    public NewswatchConfig load() {
        NewswatchConfig c = super.load();
        if (bootstrapServers != null) {
            c = c.with(ConfigKeys.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return c;
    }
}
