package io.newswatch.broker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaTest {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaTest.class);

    @Test
    void temporaryBrokerRoundTripsRecordsAndStartsWellWithinThirtySeconds() throws Exception {
        List<Long> startMillis = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            long began = System.nanoTime();
            Path dataDir;
            try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary())) {
                startMillis.add((System.nanoTime() - began) / 1_000_000);
                dataDir = kafka.dataDir();
                assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());

                String topic = "round-trip-" + round;
                TopicTraffic.createTopic(kafka.bootstrapServers(), topic, 1, 1, 1);
                List<String> sent = List.of("pyongyang", "moscow", "beijing", "round " + round);
                TopicTraffic.produce(kafka.bootstrapServers(), topic, sent);

                assertThat(TopicTraffic.readAll(kafka.bootstrapServers(), topic, sent.size(), Duration.ofSeconds(20)))
                        .containsExactlyElementsOf(sent);
            }
            assertThat(dataDir).as("temporary data dir is deleted on close").doesNotExist();
        }
        List<Long> sorted = new ArrayList<>(startMillis);
        Collections.sort(sorted);
        LOG.info("single-node start-to-ready times {} ms, median {} ms", startMillis, sorted.get(1));
        assertThat(sorted.get(2)).isLessThan(30_000L);
    }

    @Test
    void persistentBrokerKeepsTopicsAndRecordsAcrossRestarts(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("kafka");
        List<String> sent = IntStream.range(0, 100).mapToObj(i -> "record-" + i).toList();
        int firstPort;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.persistent(0, dataDir))) {
            firstPort = kafka.port();
            TopicTraffic.createTopic(kafka.bootstrapServers(), "kept", 1, 1, 1);
            TopicTraffic.produce(kafka.bootstrapServers(), "kept", sent);
        }
        assertThat(dataDir.resolve("meta.properties")).exists();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.persistent(0, dataDir))) {
            LOG.info("restarted persistent broker on port {} (was {})", kafka.port(), firstPort);
            assertThat(TopicTraffic.readAll(kafka.bootstrapServers(), "kept", sent.size(), Duration.ofSeconds(20)))
                    .containsExactlyElementsOf(sent);
        }
        assertThat(dataDir).as("a persistent data dir survives close").isDirectory();
    }

    @Test
    void portInUseFailsFastAndNamesThePort(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Path dataDir = dir.resolve("never-started");

            assertThatThrownBy(() -> EmbeddedKafka.start(BrokerOptions.persistent(port, dataDir)))
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("port " + port + " is already in use");
            assertThat(dataDir).as("nothing was formatted for a broker that never started").doesNotExist();
        }
    }

    @Test
    void otherStartFailuresGiveAOneLineCause(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "not a log directory");

        assertThatThrownBy(() -> EmbeddedKafka.start(BrokerOptions.persistent(0, notADirectory)))
                .isInstanceOf(BrokerStartException.class)
                .hasMessageContaining("failed to start")
                .hasMessageContaining(notADirectory.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary());
        Path dataDir = kafka.dataDir();
        assertThat(Files.isDirectory(dataDir)).isTrue();

        kafka.close();
        kafka.close();

        assertThat(dataDir).doesNotExist();
    }
}
