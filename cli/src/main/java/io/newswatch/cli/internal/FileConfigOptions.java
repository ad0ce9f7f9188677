package io.newswatch.cli.internal;

import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration file option of a command that needs no cluster ({@code tag}, {@code extract}): the layers are
 * the defaults, then {@code --config FILE}, then the environment. Commands that use a cluster take
 * {@link ConfigOptions}, which adds {@code -b}.
 */
public class FileConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration file (see config/newswatch.example.yaml).")
    Path configFile;

    private Map<String, String> environment = System.getenv();

    /** For tests: read overrides from this map instead of the process environment. */
    public FileConfigOptions environment(Map<String, String> env) {
        this.environment = env;
        return this;
    }

    /** Loads the layered configuration; throws {@link io.newswatch.model.config.ConfigException} naming the key. */
    public NewswatchConfig load() {
        return NewswatchConfig.load(configFile, environment);
    }
}
