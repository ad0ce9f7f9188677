package io.newswatch.cli.internal;

import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every service command shares: the config file and the shortcut for the cluster. Layering is
 * defaults, then {@code --config FILE}, then the environment, then these options.
 */
public final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration file (see config/newswatch.example.yaml).")
    Path configFile;

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
            description = "Kafka cluster to use (overrides kafka.bootstrap.servers).")
    String bootstrapServers;

    private Map<String, String> environment = System.getenv();

    /** For tests: read overrides from this map instead of the process environment. */
    public ConfigOptions environment(Map<String, String> env) {
        this.environment = env;
        return this;
    }

    /** Loads the layered configuration; throws {@link io.newswatch.model.config.ConfigException} naming the key. */
    public NewswatchConfig load() {
        NewswatchConfig c = NewswatchConfig.load(configFile, environment);
        if (bootstrapServers != null) {
            c = c.with(ConfigKeys.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return c;
    }
}
