package io.newswatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.Tagger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only broker stops and comes back while the topology runs: every article is still tagged and alerted once.
 *
 * <p>Which broker is a subclass's choice, through the three methods below and nothing else:
 * {@link StreamsBrokerRestartIntegrationTest} (in this JVM) and {@link StreamsBrokerRestartOnKafkaImageTest} (the
 * official image, through Testcontainers). A cluster named by {@code -Dnewswatch.it.bootstrap} cannot run it: the
 * test would have to stop its broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StreamsBrokerRestartContract {
    private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");

    private static Article item(int i) {
        return Article.of("https://wire.example/restart/" + i, "wire", "Item " + i, null, T0.plusSeconds(i),
                T0.plusSeconds(i), "en", "Moscow and Pyongyang signed agreement number " + i + " today.");
    }

    private static void send(String bootstrap, int from, int to) throws Exception {
        try (var producer = CommittedTopics.articleProducer(bootstrap)) {
            for (int i = from; i < to; i++) {
                Article a = item(i);
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.id(), a)).get();
            }
        }
    }

    private static <V> List<String> committedKeys(String bootstrap, TopicSpec<String, V> topic, int atLeast) {
        return CommittedTopics.committedKeys(bootstrap, topic, atLeast, Duration.ofSeconds(120));
    }

    /** Bootstrap servers of a running, empty single-broker cluster; the same address after a restart. */
    abstract String bootstrapServers();

    /** Stops the broker gracefully, as an operator would, and returns once it is down. */
    abstract void stopBroker();

    /** Starts the stopped broker again with its data and returns once it takes requests. */
    abstract void restartBroker();

    @Test
    @Timeout(300)
    void nothingIsLostOrDuplicatedAcrossABrokerRestart(@TempDir Path stateDir) throws Exception {
        String bootstrap = bootstrapServers();
        NewswatchConfig config = NewswatchConfig.defaults()
                .with(ConfigKeys.BOOTSTRAP_SERVERS, bootstrap)
                .with(ConfigKeys.STREAMS_APPLICATION_ID, "newswatch-restart")
                .with(ConfigKeys.PROCESSING_GUARANTEE, "exactly_once_v2")
                .with(ConfigKeys.COMMIT_INTERVAL, "100ms")
                .with(ConfigKeys.STATE_DIR, stateDir.toString());
        try (StreamsService service = new StreamsService(config, config.kafkaClientProperties(),
                Tagger.withDefaultRules())) {
            service.start();
            send(bootstrap, 0, 15);
            assertThat(committedKeys(bootstrap, Topics.TAGGED, 1)).isNotEmpty();
            stopBroker(); // mid-stream
            Thread.sleep(2_000); // the topology's clients retry against no broker at all for a while
            restartBroker();
            send(bootstrap, 15, 30);
            List<String> tagged = committedKeys(bootstrap, Topics.TAGGED, 30);
            assertThat(tagged).doesNotHaveDuplicates().hasSize(30);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                expected.add(Ids.alertId("ru-kp", item(i).id()));
            }
            assertThat(committedKeys(bootstrap, Topics.ALERTS, 30)).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
