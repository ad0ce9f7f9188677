package io.newswatch.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how an {@link EmbeddedKafka} node runs.
 *
 * @param port          the client (PLAINTEXT) port on 127.0.0.1; {@code 0} picks a free port at each start
 * @param dataDir       the Kafka log directory (also holds the KRaft metadata log); created if missing and
 *                      formatted on first use, reused as-is afterwards, so topics and records survive restarts
 * @param deleteOnClose whether {@link EmbeddedKafka#close()} deletes {@code dataDir} recursively
 * @throws IllegalArgumentException if {@code port} is outside 0..65535
 * @throws NullPointerException     if {@code dataDir} is null
 */
public record BrokerOptions(int port, Path dataDir, boolean deleteOnClose) {

    public BrokerOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /**
     * A throw-away broker: free ports, a fresh directory under {@code java.io.tmpdir}, deleted on close.
     *
     * @throws UncheckedIOException if the temporary directory cannot be created
     */
    public static BrokerOptions temporary() {
        try {
            return new BrokerOptions(0, Files.createTempDirectory("newswatch-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Kafka data directory", e);
        }
    }

    /**
     * A broker whose data outlives the process: {@code dataDir} is kept on close and reused by the next start.
     *
     * @param port    client port, or {@code 0} for a free one
     * @param dataDir the log directory to create or reuse
     */
    public static BrokerOptions persistent(int port, Path dataDir) {
        return new BrokerOptions(port, dataDir, false);
    }
}
