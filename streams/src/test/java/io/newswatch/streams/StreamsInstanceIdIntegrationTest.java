package io.newswatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.tagger.Tagger;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two streams instances configured with the same {@code kafka.instance.id} (a copied config file): the newer one
 * takes the id and the older one stops, instead of the two fencing each other in turn.
 */
class StreamsInstanceIdIntegrationTest {

    @Test
    @Timeout(150)
    void aSecondInstanceUnderTheSameIdStopsTheFirst(@TempDir Path dirA, @TempDir Path dirB) {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary());
             StreamsService first = new StreamsService(config(kafka, dirA), config(kafka, dirA)
                     .kafkaClientProperties(), Tagger.withDefaultRules());
             StreamsService second = new StreamsService(config(kafka, dirB), config(kafka, dirB)
                     .kafkaClientProperties(), Tagger.withDefaultRules())) {
            first.start();
            second.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> first.state() == KafkaStreams.State.ERROR
                    || first.state() == KafkaStreams.State.PENDING_ERROR);
            assertThat(second.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        }
    }

    private static NewswatchConfig config(EmbeddedKafka kafka, Path stateDir) {
        return NewswatchConfig.defaults()
                .with(ConfigKeys.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                .with(ConfigKeys.STREAMS_APPLICATION_ID, "newswatch-same-id")
                .with(ConfigKeys.INSTANCE_ID, "streams-copy")
                .with(ConfigKeys.STATE_DIR, stateDir.toString());
    }
}
