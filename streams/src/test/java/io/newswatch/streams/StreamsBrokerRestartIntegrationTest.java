package io.newswatch.streams;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.broker.testing.StopsBrokers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StreamsBrokerRestartContract} on the embedded broker, closed and started again on the same port and data
 * directory. Skipped when {@code -Dnewswatch.it.bootstrap} names an external cluster, whose broker the test cannot
 * stop.
 */
@StopsBrokers
class StreamsBrokerRestartIntegrationTest extends StreamsBrokerRestartContract {
    private BrokerOptions options;
    private EmbeddedKafka kafka;

    @BeforeAll
    void startBroker(@TempDir Path brokerDir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        // a fixed port, so that the address the topology was given still reaches the broker after the restart
        options = BrokerOptions.persistent(port, brokerDir);
        kafka = EmbeddedKafka.start(options);
    }

    @AfterAll
    void closeBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    void stopBroker() {
        kafka.close();
    }

    @Override
    void restartBroker() {
        kafka = EmbeddedKafka.start(options);
    }
}
