package io.newswatch.cli;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link PipelineEndToEndContract} on the embedded KRaft broker, or, with {@code -Dnewswatch.it.bootstrap=HOST:PORT},
 * on any external cluster (an empty one: the test counts what it finds on the topics).
 */
class PipelineEndToEndTest extends PipelineEndToEndContract {
    /** The system property that points the integration test at an external cluster instead of the embedded one. */
    static final String EXTERNAL = "newswatch.it.bootstrap";
    private EmbeddedKafka kafka;
    private String bootstrap;

    @BeforeAll
    void startBroker() {
        String external = System.getProperty(EXTERNAL, "").strip();
        if (external.isEmpty()) {
            kafka = EmbeddedKafka.start(BrokerOptions.temporary());
            bootstrap = kafka.bootstrapServers();
        } else {
            bootstrap = external;
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
