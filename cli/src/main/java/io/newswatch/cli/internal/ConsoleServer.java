package io.newswatch.cli.internal;

import io.newswatch.console.Console;
import io.newswatch.console.ConsoleOptions;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console as the commands start it: its options from {@code console.bind}, {@code console.port} and
 * {@code console.token}, checked before anything else starts (a non-loopback bind without a token fails the
 * command), and the server added to the command's lifecycle.
 */
public final class ConsoleServer {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    private ConsoleServer() {
    }

    /**
     * The console's options from the configuration.
     *
     * @throws IllegalArgumentException naming the key when a value is not allowed
     */
    public static ConsoleOptions options(NewswatchConfig config) {
        return ConsoleOptions.of(config.get(ConfigKeys.CONSOLE_BIND), config.get(ConfigKeys.CONSOLE_PORT),
                config.get(ConfigKeys.CONSOLE_TOKEN));
    }

    /** Starts the console against the connection's cluster; its failure to listen ends the command. */
    public static Console start(Lifecycle lifecycle, KafkaConnection kafka, ConsoleOptions options) {
        return lifecycle.add(Console.start(options, kafka.config().kafkaClientProperties()));
    }

    /**
     * Starts the console beside a service whose work does not need it (monitoring): when its port is taken the
     * service goes on, and one WARN line names the address and the key to change. Returns null then.
     */
    public static Console startBeside(Lifecycle lifecycle, KafkaConnection kafka, ConsoleOptions options) {
        try {
            return start(lifecycle, kafka, options);
        } catch (IllegalStateException e) {
            LOG.warn("{}; monitoring goes on without the console (set console.port to a free port, 0 for any)",
                    e.getMessage());
            return null;
        }
    }
}
