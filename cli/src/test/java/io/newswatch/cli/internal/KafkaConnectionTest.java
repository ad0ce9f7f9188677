package io.newswatch.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Where the local broker is used because {@code kafka.bootstrap.servers} is not set, a service says so once as it
 * starts; a one-shot command says it only in its error when nothing answers.
 */
class KafkaConnectionTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(KafkaConnection.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logged);
    }

    private List<String> infos() {
        return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aServiceSaysOnceThatItUsesTheLocalBroker() {
        KafkaConnection.configuredOrLocal(NewswatchConfig.defaults());
        assertThat(infos()).singleElement().asString().contains("kafka.bootstrap.servers is not set")
                .contains("'newswatch run' serves it");
    }

    @Test
    void aServiceThatFindsNoBrokerSaysWhereItLookedAndHowLong() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        NewswatchConfig config = NewswatchConfig.defaults()
                .with(ConfigKeys.BOOTSTRAP_SERVERS, "127.0.0.1:" + closed)
                .with(ConfigKeys.CLIENT_ID_PREFIX, "test");
        assertThatThrownBy(() -> KafkaConnection.forService(config, Duration.ofSeconds(2)))
                .isInstanceOf(KafkaConnection.ClusterUnreachableException.class)
                .hasMessageContaining("no Kafka broker answered at 127.0.0.1:" + closed + " within 2 s")
                .hasMessageContaining("kafka.bootstrap.servers, from");
    }

    @Test
    void aOneShotCommandSaysItOnlyWhenNothingAnswers() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there once the socket is closed
        }
        NewswatchConfig config = NewswatchConfig.defaults().with(ConfigKeys.BROKER_PORT, String.valueOf(closed))
                .with(ConfigKeys.CLIENT_ID_PREFIX, "test");
        assertThatThrownBy(() -> KafkaConnection.reachable(config))
                .hasMessageContaining("no Kafka broker answered at 127.0.0.1:" + closed)
                .hasMessageContaining("kafka.bootstrap.servers is not set");
        assertThat(infos()).noneMatch(m -> m.contains("kafka.bootstrap.servers is not set"));
    }
}
