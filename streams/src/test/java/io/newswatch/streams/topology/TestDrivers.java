package io.newswatch.streams.topology;

import io.newswatch.model.Article;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link TopologyTestDriver}s for the newswatch topology tests, and their usual input and output topics. Register it
 * with {@code @RegisterExtension} on an instance field and {@link #start} one driver per test: after the test the
 * driver is closed and its state directory deleted, even when the test failed.
 */
final class TestDrivers implements AfterEachCallback {
    /** Never contacted by a test driver, but Kafka Streams refuses a configuration without one. */
    private static final String UNUSED_BOOTSTRAP = "127.0.0.1:9";

    private TopologyTestDriver driver;
    private Path stateDir;

    /**
     * A driver for {@code topology} whose state stores live in a fresh temporary directory, so no test sees another's
     * stores.
     *
     * @param applicationId the application id, which also prefixes the topology's internal topics
     * @throws IllegalStateException if this test already started a driver
     * @throws UncheckedIOException if the state directory cannot be created
     */
    TopologyTestDriver start(Topology topology, String applicationId) {
        if (driver != null) {
            throw new IllegalStateException("one driver per test: this test already started one");
        }
        try {
            stateDir = Files.createTempDirectory("newswatch-topology-test");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for the test driver", e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, UNUSED_BOOTSTRAP);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, props);
        return driver;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.close();
            }
        } finally {
            driver = null;
            if (stateDir != null) {
                deleteRecursively(stateDir);
                stateDir = null;
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** news.articles as the ingest service writes it: keyed by article id. */
    static TestInputTopic<String, Article> articles(TopologyTestDriver driver) {
        return driver.createInputTopic(Topics.ARTICLES.name(), new StringSerializer(),
                Topics.ARTICLES.valueSerde().serializer());
    }

    /** {@code topic} read back with its own serdes. */
    static <K, V> TestOutputTopic<K, V> output(TopologyTestDriver driver, TopicSpec<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }
}
