package io.newswatch.cli;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.broker.testing.ExternalCluster;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link PipelineEndToEndContract} on the embedded KRaft broker, or, with {@code -Dnewswatch.it.bootstrap=HOST:PORT},
 * on any external cluster (an empty one: the test counts what it finds on the topics).
 */
class PipelineEndToEndTest extends PipelineEndToEndContract {
    private EmbeddedKafka kafka;
    private String bootstrap;

    @BeforeAll
    void startBroker() {
        Optional<String> external = ExternalCluster.bootstrapServers();
        if (external.isPresent()) {
            bootstrap = external.get();
        } else {
            kafka = EmbeddedKafka.start(BrokerOptions.temporary());
            bootstrap = kafka.bootstrapServers();
        }
    }

    @AfterAll
    void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    String bootstrapServers() {
        return bootstrap;
    }
}
